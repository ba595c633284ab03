package io.drumbeat.retro;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The voting modal's work with the database: the first page with the voter's current votes, the
 * other pages with the ticks carried along, and casting the ballot. Every page of one modal lays
 * out the items that existed when it opened ({@link VoteState#maxItemId()}).
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

  /** The first page, with {@code voter}'s current votes ticked. */
  View firstPage(Retro retro, String voter) {
    List<RetroItem> items = retros.items(retro.id());
    long newest = items.stream().mapToLong(RetroItem::id).max().orElse(0);
    VoteState state = VoteState.opened(retro.id(), newest, retros.votesOf(retro.id(), voter));
    return VoteModal.page(retro, VotePages.layout(items, retro.named()), state);
  }

  /**
   * Page {@code page}, after the page of {@code state} was ticked as in {@code values}; a notice
   * instead when voting has closed meanwhile.
   */
  View turn(VoteState state, Map<String, Map<String, ViewState.Value>> values, int page) {
    Retro retro = retros.find(state.retroId()).orElse(null);
    if (retro == null || retro.phase() != RetroPhase.VOTING) {
      return VoteModal.notice(refusal(retro) + " Your votes stay as you last saved them.");
    }
    List<VotePages.Page> pages = VotePages.layout(items(state), retro.named());
    Ballot ballot = Ballot.read(state, shown(pages, state), values);
    return VoteModal.page(retro, pages, state.turnedTo(page, ballot.items()));
  }

  /**
   * Casts the ballot of the submitted modal ({@code state}, ticked as in {@code values}).
   *
   * @return why it was refused (in plain words, for the field error); empty when cast
   */
  Optional<String> cast(
      VoteState state, Map<String, Map<String, ViewState.Value>> values, String voter, Instant at) {
    Retro retro = retros.find(state.retroId()).orElse(null);
    if (retro == null || retro.phase() != RetroPhase.VOTING) {
      return Optional.of(refusal(retro) + " Your votes were not changed.");
    }
    List<RetroItem> items = items(state);
    Ballot ballot =
        Ballot.read(state, shown(VotePages.layout(items, retro.named()), state), values);
    Set<Long> ids = items.stream().map(RetroItem::id).collect(Collectors.toSet());
    Optional<String> problem = ballot.problem(retro, ids);
    if (problem.isPresent()) {
      return problem;
    }
    if (!jdbi.onDemand(BallotBox.class).cast(retro.id(), voter, ballot.items(), at)) {
      Retro now = retros.find(retro.id()).orElse(null);
      return Optional.of(refusal(now) + " Your votes were not changed.");
    }
    return Optional.empty();
  }

  private List<RetroItem> items(VoteState state) {
    return retros.items(state.retroId()).stream().filter(i -> i.id() <= state.maxItemId()).toList();
  }

  /** The page {@code state} shows (as {@link VoteModal#page} clamps it). */
  private static VotePages.Page shown(List<VotePages.Page> pages, VoteState state) {
    if (pages.isEmpty()) {
      return new VotePages.Page(List.of());
    }
    return pages.get(Math.max(0, Math.min(state.page(), pages.size() - 1)));
  }
}
