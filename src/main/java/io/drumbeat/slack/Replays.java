package io.drumbeat.slack;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A short-lived ledger of Slack requests already handled (table {@code slack_replay}), so a request
 * Slack sends again changes nothing twice, across instances: a {@code view_submission} replayed or
 * resubmitted after a slow ack (keyed on {@code view.id} plus {@code view.hash}), an Events API
 * delivery retried ({@code event_id}). Entries are kept for {@link #KEEP} ({@value #PURGE} purges
 * them daily); Slack retries within minutes.
 */
public final class Replays {
  /** Kind of a view submission. */
  public static final String VIEW = "view";

  /** Kind of an Events API delivery. */
  public static final String EVENT = "event";

  /** Task name of the daily purge. */
  public static final String PURGE = "replay-purge";

  /** How long an entry is kept. */
  static final Duration KEEP = Duration.ofDays(1);

  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param clock when requests were received
   */
  public Replays(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Records request {@code id} of {@code kind} in {@code handle}'s transaction, so the mark and the
   * change it guards commit (or roll back) together.
   *
   * @return true the first time, false for a replay (the caller does nothing again)
   */
  public boolean first(Handle handle, String kind, String id) {
    return handle
            .createUpdate(
                "insert into slack_replay (kind, replay_id, received_at) values (:kind, :id, :at)"
                    + " on conflict do nothing")
            .bind("kind", kind)
            .bind("id", id.length() > 200 ? id.substring(0, 200) : id)
            .bind("at", clock.instant())
            .execute()
        == 1;
  }

  /**
   * Handles an Events API event once, across redeliveries and instances: runs {@code effect} in one
   * transaction with the mark of {@code eventId} (kind {@link #EVENT}). Slack redelivers an event
   * with the same {@code event_id} and an {@code X-Slack-Retry-Num} (Socket Mode: {@code
   * retry_attempt}); Bolt even marks a first Socket Mode delivery with retry number 0, so the event
   * id is the only reliable key.
   *
   * @param eventId the payload's {@code event_id}
   * @param effect the event's change, made with the given handle (nested JDBI calls on this thread
   *     join its transaction); no Slack call belongs here
   * @return true when the effect ran, false for an event already handled
   */
  public boolean once(String eventId, Consumer<Handle> effect) {
    return jdbi.inTransaction(
        h -> {
          if (!first(h, EVENT, eventId)) {
            return false;
          }
          effect.accept(h);
          return true;
        });
  }

  /** The id of a view submission: its view id and hash. */
  public static String view(String viewId, String hash) {
    return viewId + ":" + hash;
  }

  /** The daily purge of entries older than {@link #KEEP}. */
  public RecurringTask<Void> purge() {
    return Tasks.recurring(PURGE, Schedules.fixedDelay(Duration.ofHours(24)))
        .execute(
            (instance, ctx) ->
                jdbi.useHandle(
                    h ->
                        h.createUpdate("delete from slack_replay where received_at < :before")
                            .bind("before", clock.instant().minus(KEEP))
                            .execute()));
  }
}
