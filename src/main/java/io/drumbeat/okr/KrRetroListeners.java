package io.drumbeat.okr;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.ModalTrouble;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.util.Map;

/**
 * The Slack side of KR retrospectives: the DM's per-KR button opens the modal (on the request
 * thread, before the ack, within the {@code trigger_id}'s 3 seconds); a submission is checked again
 * (the user owns the KR in that quarter, the scorecard is not final, the answers fit) and saved.
 */
final class KrRetroListeners {
  private final KrRetros retros;
  private final SlackGateway slack;
  private final Followups followups;

  /**
   * @param retros storage and checks
   * @param slack opens the modal
   * @param followups ephemeral replies after the ack
   */
  KrRetroListeners(KrRetros retros, SlackGateway slack, Followups followups) {
    this.retros = retros;
    this.slack = slack;
    this.followups = followups;
  }

  /** Registers the listeners on {@code app}. */
  void register(App app) {
    app.blockAction(KrRetros.WRITE, this::onWrite);
    app.viewSubmission(KrRetroModal.CALLBACK_ID, this::onSubmit);
  }

  private Response onWrite(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    KrRetros.Writable w = retros.writable(p.getUser().getId(), p.getActions().get(0).getValue());
    if (w.refusal() != null) {
      followups.tell(p.getResponseUrl(), ":no_entry: " + w.refusal());
      return ctx.ack();
    }
    try {
      slack.openView(p.getTriggerId(), KrRetroModal.view(w.kr(), w.existing()));
    } catch (SlackCallException e) {
      followups.tell(p.getResponseUrl(), ModalTrouble.explain(e, "click the button again"));
    }
    return ctx.ack();
  }

  private Response onSubmit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var p = req.getPayload();
    String userId = p.getUser().getId();
    KrRetros.Writable w = retros.writable(userId, p.getView().getPrivateMetadata());
    if (w.refusal() != null) {
      return ctx.ack(
          r -> r.responseAction("errors").errors(Map.of(KrRetroModal.OUTCOME, w.refusal())));
    }
    KrRetroModal.Answers answers = KrRetroModal.read(p.getView().getState().getValues());
    Map<String, String> errors = KrRetroModal.errors(answers);
    if (!errors.isEmpty()) {
      return ctx.ack(r -> r.responseAction("errors").errors(errors));
    }
    retros.save(userId, w.kr(), answers, Replays.view(p.getView().getId(), p.getView().getHash()));
    return ctx.ack();
  }
}
