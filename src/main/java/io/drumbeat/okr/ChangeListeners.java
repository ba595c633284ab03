package io.drumbeat.okr;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.delivery.Followups;

/**
 * The *Approve* and *Reject* buttons of a mid-quarter OKR change's DM. Who clicks is taken from the
 * signed request, never from the button; each click acks after one database transaction (no Slack
 * call in the ack).
 */
final class ChangeListeners {
  private final ChangeDecisions decisions;
  private final Followups followups;

  /**
   * @param decisions decides a change
   * @param followups tells the clicker why nothing changed
   */
  ChangeListeners(ChangeDecisions decisions, Followups followups) {
    this.decisions = decisions;
    this.followups = followups;
  }

  /** Registers both buttons on {@code app}. */
  void register(App app) {
    app.blockAction(ChangeMessages.APPROVE, (req, ctx) -> onClick(req, ctx, true));
    app.blockAction(ChangeMessages.REJECT, (req, ctx) -> onClick(req, ctx, false));
  }

  private Response onClick(BlockActionRequest req, ActionContext ctx, boolean approve) {
    var p = req.getPayload();
    String value = p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
    decisions
        .decide(p.getUser().getId(), value, approve, p.getResponseUrl())
        .ifPresent(reason -> followups.tell(p.getResponseUrl(), reason));
    return ctx.ack();
  }
}
