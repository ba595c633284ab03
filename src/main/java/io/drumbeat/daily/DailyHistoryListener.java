package io.drumbeat.daily;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.Mrkdwn;
import java.util.List;
import java.util.Optional;

/**
 * The "Newer"/"Older" buttons of {@code /daily-update history}: loads the page asked for and
 * replaces the ephemeral message with it through the action's {@code response_url}, sent by the
 * outbox after the ack.
 *
 * <p>The button's value is sent back by the client, so it is trusted no more than the command's
 * text: {@link HistoryAccess} decides again, for whoever clicked, whether they may read the member
 * it names and which of the updates.
 */
final class DailyHistoryListener {
  private final HistoryAccess access;
  private final Followups followups;

  /**
   * @param access who may read whose updates
   * @param followups replaces the page after the ack
   */
  DailyHistoryListener(HistoryAccess access, Followups followups) {
    this.access = access;
    this.followups = followups;
  }

  /** Registers the page buttons' handler ({@link DailyHistory#ACTION_IDS}) on {@code app}. */
  public void register(App app) {
    app.blockAction(DailyHistory.ACTION_IDS, this::onPage);
  }

  /**
   * Records, as a reply replacing the message, the page named by the clicked button's value, or why
   * the clicker may not read it; then acks.
   */
  Response onPage(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    String viewer = p.getUser().getId();
    try {
      DailyHistory.PageRef ref = DailyHistory.PageRef.decode(p.getActions().get(0).getValue());
      HistoryQuery q = ref.query();
      Optional<String> refusal = access.refusal(viewer, q.userId());
      if (refusal.isPresent()) {
        followups.replace(p.getResponseUrl(), "Daily updates", DailyHistory.notice(refusal.get()));
      } else {
        List<DailyUpdate> updates = access.readable(viewer, q);
        followups.replace(
            p.getResponseUrl(), "Daily updates", DailyHistory.page(q, updates, ref.page()));
      }
    } catch (DrumbeatException e) {
      followups.tell(p.getResponseUrl(), ":warning: " + Mrkdwn.escape(e.getMessage()));
    }
    return ctx.ack();
  }
}
