package io.drumbeat.daily;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.drumbeat.delivery.Followups;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The "Newer"/"Older" buttons of {@code /daily-update history}: loads the page asked for and
 * replaces the ephemeral message with it through the action's {@code response_url}, sent by the
 * outbox after the ack.
 *
 * <p>Privacy: anyone may page through anyone's history; every update is posted publicly in its team
 * channels anyway.
 */
final class DailyHistoryListener {
  private final Jdbi jdbi;
  private final Followups followups;

  /**
   * @param jdbi the database holding {@code daily_update}
   * @param followups replaces the page after the ack
   */
  DailyHistoryListener(Jdbi jdbi, Followups followups) {
    this.jdbi = jdbi;
    this.followups = followups;
  }

  /** Registers the page buttons' handler ({@link DailyHistory#ACTION_IDS}) on {@code app}. */
  public void register(App app) {
    app.blockAction(DailyHistory.ACTION_IDS, this::onPage);
  }

  /** Records the page named by the clicked button's value as a reply, then acks. */
  Response onPage(BlockActionRequest req, ActionContext ctx) {
    String value = req.getPayload().getActions().get(0).getValue();
    DailyHistory.PageRef ref = DailyHistory.PageRef.decode(value);
    HistoryQuery q = ref.query();
    List<DailyUpdate> updates =
        jdbi.onDemand(DailyRepository.class).history(q.userId(), q.from(), q.to());
    followups.replace(
        req.getPayload().getResponseUrl(),
        "Daily updates",
        DailyHistory.page(q, updates, ref.page()));
    return ctx.ack();
  }
}
