package io.drumbeat.rituals;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Mrkdwn;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The monthly update on db-scheduler: {@value #PLANNER} (hourly) schedules {@value #UPDATE} with
 * the deterministic instance id of the month it runs in (e.g. {@code 2026-12}, about November) at
 * {@code monthly.at} on that month's first workday, so several instances post it once. A failed run
 * is retried 3 times (1, 2, 4 × the first retry delay), then the admins are told. With {@code
 * monthly.email.to}, a posted update schedules {@value #EMAIL} (same instance id), retried the same
 * way; its failure never touches the post.
 */
final class MonthlyJobs {
  /** Task name of the planner. */
  static final String PLANNER = "monthly-planner";

  /** Task name of one month's update. */
  static final String UPDATE = "monthly-update";

  /** Task name of one month's email. */
  static final String EMAIL = "monthly-email";

  private final OneTimeTask<Void> update;
  private final OneTimeTask<Void> email;
  private final RecurringTask<Void> planner;

  /**
   * @param monthly posts the update
   * @param admins told when it keeps failing
   * @param clock the time source
   * @param zone the organisation's zone
   * @param firstRetry delay before a failed run's first retry
   * @param sender sends the email about a month; null when {@code monthly.email.to} is not set
   */
  MonthlyJobs(
      MonthlyUpdate monthly,
      AdminNotifier admins,
      Clock clock,
      ZoneId zone,
      Duration firstRetry,
      Consumer<YearMonth> sender) {
    this.email =
        Tasks.oneTime(EMAIL)
            .onFailure(
                FailureHandler.<Void>maxRetries(3)
                    .withBackoff(firstRetry, 2.0)
                    .thenRemove(
                        complete ->
                            admins.tell(
                                "The monthly email about "
                                    + YearMonth.parse(complete.getExecution().taskInstance.getId())
                                        .minusMonths(1)
                                    + " could not be sent after 4 attempts: "
                                    + Mrkdwn.escape(
                                        complete
                                            .getCause()
                                            .map(Throwable::getMessage)
                                            .orElse("unknown"))
                                    + ". The Slack post is not affected.")))
            .execute(
                (instance, ctx) -> sender.accept(YearMonth.parse(instance.getId()).minusMonths(1)));
    this.update =
        Tasks.oneTime(UPDATE)
            .onFailure(
                FailureHandler.<Void>maxRetries(3)
                    .withBackoff(firstRetry, 2.0)
                    .thenRemove(
                        complete ->
                            admins.tell(
                                "The monthly update about "
                                    + YearMonth.parse(complete.getExecution().taskInstance.getId())
                                        .minusMonths(1)
                                    + " could not be posted after 4 attempts.")))
            .execute(
                (instance, ctx) -> {
                  monthly.post(YearMonth.parse(instance.getId()).minusMonths(1), "");
                  if (sender != null) {
                    ctx.getSchedulerClient()
                        .scheduleIfNotExists(email.instance(instance.getId()), clock.instant());
                  }
                });
    this.planner =
        Tasks.recurring(PLANNER, Schedules.fixedDelay(Duration.ofHours(1)))
            .execute((instance, ctx) -> plan(monthly, ctx.getSchedulerClient(), clock, zone));
  }

  private void plan(MonthlyUpdate monthly, SchedulerClient client, Clock clock, ZoneId zone) {
    YearMonth now = YearMonth.now(clock.withZone(zone));
    for (YearMonth month : List.of(now, now.plusMonths(1))) {
      if (monthly.dueIn(month).toInstant().isAfter(clock.instant().minus(Duration.ofDays(1)))) {
        client.scheduleIfNotExists(
            update.instance(month.toString()), monthly.dueIn(month).toInstant());
      }
    }
  }

  /** The one-time task. */
  List<Task<?>> oneTime() {
    return List.of(update, email);
  }

  /** The recurring planner. */
  List<RecurringTask<Void>> recurring() {
    return List.of(planner);
  }
}
