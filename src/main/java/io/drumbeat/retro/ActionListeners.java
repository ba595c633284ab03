package io.drumbeat.retro;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Action items from Slack: "Add action" opens {@link ActionModal} (before the ack, within the
 * {@code trigger_id}'s 3 seconds); its submission records the item and its owner's DM; "Mark done"
 * in the owner's DM closes it, and the outbox redraws that DM.
 */
final class ActionListeners {
  private final Jdbi jdbi;
  private final ActionItems actions;
  private final SlackGateway slack;
  private final Followups followups;
  private final Replays replays;

  /**
   * @param jdbi database
   * @param actions records action items
   * @param slack Web API (views.open)
   * @param followups ephemeral replies after the ack
   * @param replays submissions already handled (a replay records no second action item)
   */
  ActionListeners(
      Jdbi jdbi, ActionItems actions, SlackGateway slack, Followups followups, Replays replays) {
    this.jdbi = jdbi;
    this.actions = actions;
    this.slack = slack;
    this.followups = followups;
    this.replays = replays;
  }

  /** Registers the buttons and the modal submission on {@code app}. */
  public void register(App app) {
    app.blockAction(RetroAnnouncement.ADD_ACTION, this::onAdd);
    app.viewSubmission(ActionModal.CALLBACK_ID, this::onSubmit);
    app.blockAction(ActionItems.DONE, this::onDone);
  }

  private Response onAdd(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    long id = Long.parseLong(p.getActions().get(0).getValue());
    if (open(id) == null) {
      followups.tell(
          p.getResponseUrl(),
          ":warning: That retro is closed; action items can no longer be added.");
      return ctx.ack();
    }
    try {
      slack.openView(p.getTriggerId(), ActionModal.build(id));
    } catch (SlackCallException e) {
      followups.tell(p.getResponseUrl(), ModalTrouble.explain(e, "click *Add action* again"));
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
    Retro retro = open(Long.parseLong(p.getView().getPrivateMetadata()));
    if (retro == null) {
      return ctx.ack(
          r ->
              r.responseAction("errors")
                  .errors(Map.of("text", "That retro is closed; nothing was recorded.")));
    }
    String replay = Replays.view(p.getView().getId(), p.getView().getHash());
    jdbi.useTransaction(
        h -> {
          if (replays.first(h, Replays.VIEW, replay)) {
            actions.record(retro, result.action());
          }
        });
    return ctx.ack();
  }

  private Response onDone(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    long id = Long.parseLong(p.getActions().get(0).getValue());
    try {
      actions.markDone(id, p.getUser().getId());
    } catch (DrumbeatException e) {
      followups.tell(p.getResponseUrl(), ":warning: " + e.getMessage());
    }
    return ctx.ack();
  }

  private Retro open(long id) {
    return jdbi.onDemand(RetroRepository.class).find(id).filter(Retro::isOpen).orElse(null);
  }
}
