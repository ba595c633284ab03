package io.drumbeat.retro;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The voting modal's work with the database: the first page with the voter's current votes, the
 * other pages with the ticks carried along, and casting the ballot. Items are listed in the retro's
 * fixed random order ({@link RetroKey#order}) and named by their references; they cannot change
 * while the retro is voting, so every page of one modal lays out the same items.
 */
final class VoteBooth {
  private final Jdbi jdbi;
  private final RetroRepository retros;

  VoteBooth(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.retros = jdbi.onDemand(RetroRepository.class);
  }

  /** The retro whose id is {@code value} (a button value), if there is one. */
  Optional<Retro> retro(String value) {
    try {
      return retros.find(Long.parseLong(value == null ? "" : value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Why {@code retro} (null when it does not exist) cannot be voted on; plain words. */
  static String refusal(Retro retro) {
    if (retro == null) {
      return "This retro no longer exists.";
    }
    return switch (retro.phase()) {
      case COLLECTING -> "Voting has not opened yet: the retro is still collecting items.";
      case VOTING -> "Voting is open.";
      case DISCUSSING, CLOSED -> "Voting has closed: the retro is " + retro.phase().label() + ".";
    };
  }

  /** Why a modal opened for someone else is refused; plain words. */
  static String foreign() {
    return "This voting form was opened for someone else. Open it again with the Vote button.";
  }

  /** The key of retro {@code retroId}. */
  RetroKey key(long retroId) {
    return jdbi.inTransaction(h -> RetroKey.of(h, retroId));
  }

  /** The first page for {@code voter}, with their current votes ticked. */
  View firstPage(Retro retro, String voter) {
    RetroKey key = key(retro.id());
    List<String> votes = retros.votesOf(retro.id(), voter).stream().map(key::ref).toList();
    VoteState state = VoteState.opened(key, retro.id(), voter, votes);
    return VoteModal.page(retro, pages(retro, key), state);
  }

  /**
   * Page {@code page} for {@code voter}, after the page of {@code state} was ticked as in {@code
   * values}; a notice instead when voting has closed meanwhile or the modal is not theirs.
   */
  View turn(
      VoteState state, Map<String, Map<String, ViewState.Value>> values, int page, String voter) {
    Retro retro = retros.find(state.retroId()).orElse(null);
    if (retro == null || retro.phase() != RetroPhase.VOTING) {
      return VoteModal.notice(refusal(retro) + " Your votes stay as you last saved them.");
    }
    RetroKey key = key(retro.id());
    if (!state.openedFor(key, voter)) {
      return VoteModal.notice(foreign());
    }
    List<VotePages.Page> pages = pages(retro, key);
    Ballot ballot = Ballot.read(state, shown(pages, state), values);
    return VoteModal.page(retro, pages, state.turnedTo(page, ballot.refs()));
  }

  /**
   * Casts the ballot of the submitted modal ({@code state}, ticked as in {@code values}) for {@code
   * voter}, whose seal the caller has checked; every ticked reference must be one of this retro's
   * items.
   *
   * @return why it was refused (in plain words, for the field error); empty when cast
   */
  Optional<String> cast(
      RetroKey key,
      VoteState state,
      Map<String, Map<String, ViewState.Value>> values,
      String voter,
      Instant at) {
    Retro retro = retros.find(state.retroId()).orElse(null);
    if (retro == null || retro.phase() != RetroPhase.VOTING) {
      return Optional.of(refusal(retro) + " Your votes were not changed.");
    }
    List<RetroItem> items = retros.items(retro.id());
    Map<String, RetroItem> byRef = key.byRef(items);
    Ballot ballot = Ballot.read(state, shown(pages(retro, key, items), state), values);
    Optional<String> problem = ballot.problem(retro, byRef.keySet());
    if (problem.isPresent()) {
      return problem;
    }
    List<Long> ids = ballot.refs().stream().map(r -> byRef.get(r).id()).toList();
    if (!jdbi.onDemand(BallotBox.class).cast(retro.id(), voter, ids, at)) {
      Retro now = retros.find(retro.id()).orElse(null);
      return Optional.of(refusal(now) + " Your votes were not changed.");
    }
    return Optional.empty();
  }

  private List<VotePages.Page> pages(Retro retro, RetroKey key) {
    return pages(retro, key, retros.items(retro.id()));
  }

  private static List<VotePages.Page> pages(Retro retro, RetroKey key, List<RetroItem> items) {
    return VotePages.layout(key.order(items), retro.named(), i -> key.ref(i.id()));
  }

  /** The page {@code state} shows (as {@link VoteModal#page} clamps it). */
  private static VotePages.Page shown(List<VotePages.Page> pages, VoteState state) {
    if (pages.isEmpty()) {
      return new VotePages.Page(List.of());
    }
    return pages.get(Math.max(0, Math.min(state.page(), pages.size() - 1)));
  }
}
