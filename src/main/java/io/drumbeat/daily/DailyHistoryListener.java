package io.drumbeat.daily;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.Background;
import java.io.IOException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Newer"/"Older" buttons of {@code /daily-update history}: acks at once, then loads the
 * member's updates and replaces the ephemeral message with the page asked for (through the action's
 * {@code response_url}).
 *
 * <p>Privacy: anyone may page through anyone's history; every update is posted publicly in its team
 * channels anyway.
 */
final class DailyHistoryListener {
  private static final Logger LOG = LoggerFactory.getLogger(DailyHistoryListener.class);
  private final Jdbi jdbi;
  private final Background background;

  /**
   * @param jdbi the database holding {@code daily_update}
   * @param background where the work after the ack runs
   */
  public DailyHistoryListener(Jdbi jdbi, Background background) {
    this.jdbi = jdbi;
    this.background = background;
  }

  /** Registers the page buttons' handler ({@link DailyHistory#ACTION_IDS}) on {@code app}. */
  public void register(App app) {
    app.blockAction(DailyHistory.ACTION_IDS, this::onPage);
  }

  /** Acks, then shows the page named by the clicked button's value in the background. */
  Response onPage(BlockActionRequest req, ActionContext ctx) {
    String value = req.getPayload().getActions().get(0).getValue();
    background.run("show daily history page", () -> show(value, ctx));
    return ctx.ack();
  }

  private void show(String value, ActionContext ctx) {
    DailyHistory.PageRef ref = DailyHistory.PageRef.decode(value);
    HistoryQuery q = ref.query();
    List<DailyUpdate> updates =
        jdbi.onDemand(DailyRepository.class).history(q.userId(), q.from(), q.to());
    List<LayoutBlock> blocks = DailyHistory.page(q, updates, ref.page());
    WebhookResponse response;
    try {
      response =
          ctx.respond(
              r ->
                  r.replaceOriginal(true)
                      .responseType("ephemeral")
                      .blocks(blocks)
                      .text("Daily updates"));
    } catch (IOException e) {
      throw new DrumbeatException("Could not show the daily history page: " + e.getMessage(), e);
    }
    if (!Integer.valueOf(200).equals(response.getCode())) {
      LOG.warn(
          "Slack refused the daily history page: HTTP {} {}",
          response.getCode(),
          response.getBody());
    }
  }
}
