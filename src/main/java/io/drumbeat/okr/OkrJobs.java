package io.drumbeat.okr;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.drumbeat.config.WeeklyTime;
import io.drumbeat.schedule.WeeklyCron;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Mrkdwn;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OKR jobs on db-scheduler, so that several instances on one PostgreSQL run each exactly once:
 *
 * <ul>
 *   <li>{@value #PLANNER} (every {@code planEvery}) schedules each owner's reminder as a one-time
 *       {@value #REMINDER} task with the deterministic instance id {@code OWNER:ISO-WEEK} (e.g.
 *       {@code U0AAA1:2026-W47}) at {@code reminderAt} in the owner's zone;
 *   <li>{@value #REMINDER} records it in the outbox (which delivers it, with its own retries). A
 *       run that fails (e.g. the database is unreachable) is retried up to {@value #RETRIES} times
 *       with exponential backoff: the first retry {@code firstRetry} after the failure, each later
 *       wait {@value #BACKOFF_MULTIPLIER} times the one before (db-scheduler's {@code
 *       FailureHandler.maxRetries(n).withBackoff(first, multiplier)}); in production {@code
 *       firstRetry} is 1 minute, so 1, 2, 4, 8 and 16 minutes. After the last retry the owner is
 *       marked reminded for the week (not tried again) and the admins are told;
 *   <li>{@value #DIGEST} posts the digest at {@code digestAt} in the organisation zone.
 * </ul>
 */
final class OkrJobs {
  /** Task name of the reminder planner. */
  public static final String PLANNER = "okr-reminder-planner";

  /** Task name of the per-owner reminder. */
  public static final String REMINDER = "okr-reminder";

  /** Task name of the weekly digest. */
  public static final String DIGEST = "okr-digest";

  /** Retries of a failed reminder run after its first attempt. */
  static final int RETRIES = 5;

  /** Each wait before a retry is this many times the one before. */
  static final double BACKOFF_MULTIPLIER = 2.0;

  private static final Logger LOG = LoggerFactory.getLogger(OkrJobs.class);
  private final OneTimeTask<Void> reminder;
  private final RecurringTask<Void> planner;
  private final RecurringTask<Void> digest;

  /**
   * @param reminders the reminder logic
   * @param digest the digest logic
   * @param admins told when a reminder keeps failing
   * @param digestAt {@code okr.digestAt}
   * @param zone organisation zone
   * @param planEvery how often the planner looks for owners to schedule
   * @param firstRetry delay before a failed reminder's first retry (then multiplied by {@value
   *     #BACKOFF_MULTIPLIER} each time, {@value #RETRIES} retries)
   */
  public OkrJobs(
      OkrReminders reminders,
      OkrDigest digest,
      AdminNotifier admins,
      WeeklyTime digestAt,
      ZoneId zone,
      Duration planEvery,
      Duration firstRetry) {
    this.reminder =
        Tasks.oneTime(REMINDER)
            .onFailure(
                FailureHandler.<Void>maxRetries(RETRIES)
                    .withBackoff(firstRetry, BACKOFF_MULTIPLIER)
                    .thenRemove(
                        complete -> {
                          String id = complete.getExecution().taskInstance.getId();
                          var due = OkrReminders.Due.parse(id);
                          reminders.giveUp(due.owner(), due.week());
                          admins.tell(
                              "The OKR reminder to <@"
                                  + due.owner()
                                  + "> for "
                                  + due.week()
                                  + " failed after "
                                  + (RETRIES + 1)
                                  + " attempts: "
                                  + Mrkdwn.escape(
                                      complete
                                          .getCause()
                                          .map(Throwable::getMessage)
                                          .orElse("unknown"))
                                  + ". It will not be retried this week.");
                        }))
            .execute(
                (instance, ctx) -> {
                  var due = OkrReminders.Due.parse(instance.getId());
                  LOG.info(
                      "Reminder {}: {}",
                      instance.getId(),
                      reminders.remind(due.owner(), due.week()));
                });
    this.planner =
        Tasks.recurring(PLANNER, Schedules.fixedDelay(planEvery))
            .execute((instance, ctx) -> plan(reminders, ctx.getSchedulerClient()));
    this.digest =
        Tasks.recurring(DIGEST, WeeklyCron.of(digestAt, zone))
            .execute((instance, ctx) -> digest.runScheduled());
  }

  private void plan(OkrReminders reminders, SchedulerClient client) {
    for (OkrReminders.Due due : reminders.dueThisWeek()) {
      client.scheduleIfNotExists(reminder.instance(due.instanceId()), due.at());
    }
  }

  /** The one-time tasks (the recurring ones are registered by {@link #recurring()}). */
  public List<Task<?>> oneTime() {
    return List.of(reminder);
  }

  /** The recurring tasks, started with the scheduler. */
  public List<RecurringTask<Void>> recurring() {
    return List.of(planner, digest);
  }
}
