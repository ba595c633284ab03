package io.drumbeat.slack;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;

/**
 * Keeps the cached Slack profiles fresh: {@value #NAME} pages through {@code users.list} every
 * {@link #EVERY} (and once at start-up), so a changed zone or name is known without one {@code
 * users.info} per person. A failure is retried with backoff (from {@code firstRetry}, doubling).
 */
public final class ProfileJob {
  /** Task name of the refresh. */
  public static final String NAME = "slack-profiles";

  /** How often every profile is read again. */
  public static final Duration EVERY = Duration.ofHours(6);

  private ProfileJob() {}

  /** The recurring task refreshing {@code users}. */
  public static RecurringTask<Void> task(UserDirectory users, Duration firstRetry) {
    return Tasks.recurring(NAME, Schedules.fixedDelay(EVERY))
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry, 2.0))
        .execute((instance, ctx) -> users.refresh());
  }
}
