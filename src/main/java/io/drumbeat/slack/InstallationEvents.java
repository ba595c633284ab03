package io.drumbeat.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API {@code app_uninstalled} and {@code tokens_revoked} (for the bot token): Drumbeat can
 * no longer reach the workspace, so every scheduled job stops, on every instance, and the log says
 * so once, clearly. The jobs' executions are deleted in the transaction that marks the event
 * handled (so a redelivery does nothing twice), and this instance's scheduler is stopped off the
 * listener's thread (the ack never waits for it). Messages not yet delivered stay in the outbox;
 * after the app is installed again and Drumbeat restarted with the new token, the recurring jobs
 * are scheduled again and the outbox is swept.
 */
public final class InstallationEvents {
  private static final Logger LOG = LoggerFactory.getLogger(InstallationEvents.class);
  private final Replays replays;
  private final Runnable stopJobs;

  /**
   * @param replays the ledger of events already handled
   * @param stopJobs stops this instance's job scheduler; runs on a thread of its own
   */
  public InstallationEvents(Replays replays, Runnable stopJobs) {
    this.replays = replays;
    this.stopJobs = stopJobs;
  }

  /** Registers the {@code app_uninstalled} and {@code tokens_revoked} listeners on {@code app}. */
  public void register(App app) {
    app.event(
        AppUninstalledEvent.class,
        (payload, ctx) -> {
          lost(payload.getEventId(), "app_uninstalled", "Drumbeat was uninstalled from Slack");
          return ctx.ack();
        });
    app.event(
        TokensRevokedEvent.class,
        (payload, ctx) -> {
          TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
          List<String> bots = tokens == null ? null : tokens.getBot();
          if (bots != null && !bots.isEmpty()) {
            lost(payload.getEventId(), "tokens_revoked", "Drumbeat's bot token was revoked");
          }
          return ctx.ack();
        });
  }

  private void lost(String eventId, String event, String what) {
    if (replays.once(eventId, h -> h.execute("delete from scheduled_tasks"))) {
      LOG.error(
          "{} ({}): every scheduled job is stopped on every instance and nothing more will be"
              + " sent. Messages not yet delivered stay in the outbox. To resume, install the app"
              + " again, set the new SLACK_BOT_TOKEN and restart Drumbeat.",
          what,
          event);
    }
    Thread stopping = new Thread(stopJobs, "drumbeat-stop-jobs");
    stopping.setDaemon(true);
    stopping.start();
  }
}
