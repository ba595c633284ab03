package io.drumbeat.retro;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.drumbeat.DrumbeatException;
import io.drumbeat.HomeRefresh;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private voting modal: the "Vote" button ({@code action_id} {@value #VOTE}, value the retro
 * id), clicked on the announcement in the retro's channel, opens it with the voter's current votes;
 * a submission, checked again against the voter ({@link VoteState#openedFor}), replaces their
 * votes, at most the retro's votes per person.
 */
final class RetroVoting {
  /** {@code action_id} of the "Vote" button on the announcement; its value is the retro id. */
  public static final String VOTE = "retro_vote";

  private static final Logger LOG = LoggerFactory.getLogger(RetroVoting.class);
  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final Clock clock;
  private final Followups followups;
  private final Replays replays;
  private final LongConsumer onBallot;
  private final HomeRefresh home;

  /**
   * @param jdbi database
   * @param slack Web API (views.open, views.update, before the ack)
   * @param clock the time source
   * @param followups ephemeral replies after the ack
   * @param replays submissions already handled (a replayed ballot changes no vote)
   * @param onBallot told the retro id in the transaction of each ballot (records the redraw of the
   *     voter count)
   * @param home redraws the voter's App Home in the transaction of their ballot
   */
  RetroVoting(
      Jdbi jdbi,
      SlackGateway slack,
      Clock clock,
      Followups followups,
      Replays replays,
      LongConsumer onBallot,
      HomeRefresh home) {
    this.jdbi = jdbi;
    this.replays = replays;
    this.slack = slack;
    this.clock = clock;
    this.followups = followups;
    this.onBallot = onBallot;
    this.home = home;
  }

  /** Registers the button, paging and submission listeners on {@code app}. */
  public void register(App app) {
    app.blockAction(VOTE, this::onVote);
    app.blockAction(VoteModal.PREVIOUS, this::onTurn);
    app.blockAction(VoteModal.NEXT, this::onTurn);
    app.viewSubmission(VoteModal.CALLBACK_ID, this::onSubmit);
  }

  private Response onVote(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String value = p.getActions().get(0).getValue();
    VoteBooth booth = new VoteBooth(jdbi);
    Optional<Retro> found = booth.retro(value);
    if (found.isEmpty() || found.get().phase() != RetroPhase.VOTING) {
      followups.tell(p.getResponseUrl(), VoteBooth.refusal(found.orElse(null)));
      return ctx.ack();
    }
    if (!AnnouncementClicks.inChannelOf(p, found.get())) {
      followups.tell(
          p.getResponseUrl(),
          "Use the Vote button on the retro's announcement in <#" + found.get().channel() + ">.");
      return ctx.ack();
    }
    try {
      slack.openView(p.getTriggerId(), booth.firstPage(found.get(), p.getUser().getId()));
    } catch (SlackCallException e) {
      followups.tell(p.getResponseUrl(), ModalTrouble.explain(e, "click *Vote* again"));
    }
    return ctx.ack();
  }

  private Response onTurn(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    View view = p.getView();
    String target = p.getActions().get(0).getValue();
    try {
      VoteState state = VoteState.parse(view.getPrivateMetadata());
      var values = view.getState() == null ? null : view.getState().getValues();
      int page = Integer.parseInt(target);
      View next = new VoteBooth(jdbi).turn(state, values, page, p.getUser().getId());
      slack.updateView(view.getId(), view.getHash(), next);
    } catch (DrumbeatException | NumberFormatException e) {
      LOG.warn("Ignored a voting page button: {}", e.getMessage());
    }
    return ctx.ack();
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    var values = p.getView().getState() == null ? null : p.getView().getState().getValues();
    String field = VoteModal.blockId(0, 0);
    try {
      VoteState state = VoteState.parse(p.getView().getPrivateMetadata());
      field = VoteModal.blockId(state.page(), 0);
      jdbi.useTransaction(h -> cast(h, state, values, p.getUser().getId(), p.getView()));
      return ctx.ack(r -> r.responseAction("clear"));
    } catch (DrumbeatException e) {
      return errors(ctx, field, e.getMessage());
    }
  }

  /**
   * Casts a submitted ballot in {@code h}'s transaction: only from a modal opened for {@code
   * voter}, once per submission (a replay changes nothing, even after a later ballot).
   *
   * @throws DrumbeatException (the field error) when refused; nothing is changed
   */
  private void cast(
      Handle h,
      VoteState state,
      Map<String, Map<String, ViewState.Value>> values,
      String voter,
      View view) {
    RetroKey key = RetroKey.of(h, state.retroId());
    if (!state.openedFor(key, voter)) {
      throw new DrumbeatException(VoteBooth.foreign());
    }
    if (!replays.first(h, Replays.VIEW, key.replayId(view.getId(), view.getHash()))) {
      return;
    }
    Optional<String> refused = new VoteBooth(jdbi).cast(key, state, values, voter, clock.instant());
    if (refused.isPresent()) {
      throw new DrumbeatException(refused.get());
    }
    onBallot.accept(state.retroId());
    home.redraw(h, voter);
  }

  private static Response errors(ViewSubmissionContext ctx, String field, String message) {
    return ctx.ack(r -> r.responseAction("errors").errors(Map.of(field, message)));
  }
}
