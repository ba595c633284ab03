package io.drumbeat.retro;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.OkrRepository;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Jdbi;

/**
 * Action items from Slack: "Add action" (on the announcement, clicked in the retro's channel, or in
 * the facilitator's controls by the facilitator or an admin) opens {@link ActionModal} before the
 * ack, within the {@code trigger_id}'s 3 seconds; its submission, checked again against the person
 * who opened it, records the item and its owner's DM; "Mark done" in the owner's DM closes it (only
 * for its owner), and the outbox redraws that DM.
 */
final class ActionListeners {
  private final Jdbi jdbi;
  private final ActionItems actions;
  private final SlackGateway slack;
  private final Followups followups;
  private final Replays replays;
  private final BiPredicate<Retro, String> mayMove;
  private final TopicQuarter quarters;

  /**
   * @param jdbi database
   * @param actions records action items
   * @param slack Web API (views.open)
   * @param followups ephemeral replies after the ack
   * @param replays submissions already handled (a replay records no second action item)
   * @param mayMove whether a user runs a retro (its facilitator or an admin)
   * @param quarters the quarter whose KRs an action item may be linked to
   */
  ActionListeners(
      Jdbi jdbi,
      ActionItems actions,
      SlackGateway slack,
      Followups followups,
      Replays replays,
      BiPredicate<Retro, String> mayMove,
      TopicQuarter quarters) {
    this.jdbi = jdbi;
    this.actions = actions;
    this.slack = slack;
    this.followups = followups;
    this.replays = replays;
    this.mayMove = mayMove;
    this.quarters = quarters;
  }

  /** Registers the buttons and the modal submission on {@code app}. */
  public void register(App app) {
    app.blockAction(RetroAnnouncement.ADD_ACTION, this::onAdd);
    app.viewSubmission(ActionModal.CALLBACK_ID, this::onSubmit);
    app.blockAction(ActionItems.DONE, this::onDone);
  }

  private Response onAdd(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String user = p.getUser().getId();
    try {
      Retro retro = open(AnnouncementClicks.retroId(p));
      if (!mayMove.test(retro, user)) {
        AnnouncementClicks.requireChannelOf(p, retro);
      }
      RetroKey key = jdbi.inTransaction(h -> RetroKey.of(h, retro.id()));
      List<KeyResult> krs =
          jdbi.onDemand(OkrRepository.class).keyResults(quarters.forActions(retro).toString());
      slack.openView(p.getTriggerId(), ActionModal.build(retro.id(), key, user, krs));
    } catch (SlackCallException e) {
      followups.tell(p.getResponseUrl(), ModalTrouble.explain(e, "click *Add action* again"));
    } catch (DrumbeatException e) {
      followups.tell(p.getResponseUrl(), ":warning: " + e.getMessage());
    }
    return ctx.ack();
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    ActionModal.Result result =
        ActionModal.read(p.getView().getState().getValues(), actions.today());
    if (result.errors() != null) {
      return ctx.ack(r -> r.responseAction("errors").errors(result.errors()));
    }
    View view = p.getView();
    String user = p.getUser().getId();
    try {
      long retroId = ActionModal.retroId(view.getPrivateMetadata());
      jdbi.useTransaction(
          h -> {
            RetroKey key = RetroKey.of(h, retroId);
            if (!ActionModal.openedFor(view.getPrivateMetadata(), key, user)) {
              throw new DrumbeatException(
                  "This form was opened for someone else. Open it again from the retro.");
            }
            if (!replays.first(h, Replays.VIEW, key.replayId(view.getId(), view.getHash()))) {
              return;
            }
            RetroRepository retros = h.attach(RetroRepository.class);
            if (retros.lockPhase(retroId).orElse(RetroPhase.CLOSED) == RetroPhase.CLOSED) {
              throw new DrumbeatException("That retro is closed; nothing was recorded.");
            }
            Retro retro = retros.find(retroId).orElseThrow();
            String quarter = quarters.forActions(retro).toString();
            if (result.krKey() != null
                && h.attach(OkrRepository.class).keyResult(quarter, result.krKey()).isEmpty()) {
              throw new KrRefused(quarter);
            }
            actions.record(retro, result.action(), quarter, result.krKey());
          });
      return ctx.ack();
    } catch (KrRefused e) {
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of("kr", e.getMessage())));
    } catch (DrumbeatException e) {
      return ctx.ack(r -> r.responseAction("errors").errors(Map.of("text", e.getMessage())));
    }
  }

  private Response onDone(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    try {
      actions.markDone(actionId(p.getActions().get(0).getValue()), p.getUser().getId());
    } catch (DrumbeatException e) {
      followups.answer(p.getResponseUrl(), p.getUser().getId(), ":warning: " + e.getMessage());
    }
    return ctx.ack();
  }

  /** A chosen KR that is not one of the quarter's (a tampered or outdated form). */
  private static final class KrRefused extends DrumbeatException {
    KrRefused(String quarter) {
      super("That KR is not one of " + quarter + "'s; choose another or none.");
    }
  }

  private static long actionId(String value) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw new DrumbeatException("That button is out of date.");
    }
  }

  private Retro open(long id) {
    return jdbi.onDemand(RetroRepository.class)
        .find(id)
        .filter(Retro::isOpen)
        .orElseThrow(
            () ->
                new DrumbeatException(
                    "That retro is closed; action items can no longer be added."));
  }
}
