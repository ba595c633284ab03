package io.drumbeat.retro;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.Replies;
import io.drumbeat.slack.SlackGateway;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Action items from Slack: "Add action" opens {@link ActionModal}; its submission records the item
 * and DMs the owner; "Mark done" in the owner's DM closes it and redraws that DM.
 */
final class ActionListeners {
  private final Jdbi jdbi;
  private final ActionItems actions;
  private final SlackGateway slack;
  private final Background modals;
  private final Background background;

  /**
   * @param jdbi database
   * @param actions records action items
   * @param slack Web API (views.open)
   * @param modals where modals open after the ack
   * @param background where DM edits go after the ack
   */
  public ActionListeners(
      Jdbi jdbi,
      ActionItems actions,
      SlackGateway slack,
      Background modals,
      Background background) {
    this.jdbi = jdbi;
    this.actions = actions;
    this.slack = slack;
    this.modals = modals;
    this.background = background;
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
    modals.run(
        "open the action item modal",
        () -> {
          if (open(id) == null) {
            Replies.ephemeral(
                ctx::respond,
                ":warning: That retro is closed; action items can no longer be added.");
            return;
          }
          slack.openView(p.getTriggerId(), ActionModal.build(id));
        });
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
    actions.record(retro, result.action());
    return ctx.ack();
  }

  private Response onDone(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    long id = Long.parseLong(p.getActions().get(0).getValue());
    String user = p.getUser().getId();
    background.run(
        "mark an action item done",
        () -> {
          try {
            Replies.replaceOriginal(ctx::respond, "Action item done", actions.markDone(id, user));
          } catch (DrumbeatException e) {
            Replies.ephemeral(ctx::respond, ":warning: " + e.getMessage());
          }
        });
    return ctx.ack();
  }

  private Retro open(long id) {
    return jdbi.onDemand(RetroRepository.class).find(id).filter(Retro::isOpen).orElse(null);
  }
}
