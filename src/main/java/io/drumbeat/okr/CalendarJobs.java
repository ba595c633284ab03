package io.drumbeat.okr;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Mrkdwn;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planning calendar on db-scheduler, so that several instances on one PostgreSQL post each
 * entry once:
 *
 * <ul>
 *   <li>{@value #PLANNER} (every {@code planEvery}) schedules each post due within two periods as a
 *       one-time {@value #POST} task with the deterministic instance id {@code QUARTER:INDEX} (e.g.
 *       {@code FY2027-Q4:3}); {@code scheduleIfNotExists} makes a second planner run, on any
 *       instance, change nothing;
 *   <li>{@value #POST} records the post in the outbox (see {@link PlanningCalendar#post}). A run
 *       that fails is retried {@value #RETRIES} times with exponential backoff from {@code
 *       firstRetry}, doubling; after the last retry the admins are told.
 * </ul>
 */
final class CalendarJobs {
  /** Task name of the planner. */
  static final String PLANNER = "okr-calendar-planner";

  /** Task name of one entry's post. */
  static final String POST = "okr-calendar";

  /** Retries of a failed post after its first attempt. */
  static final int RETRIES = 5;

  private static final Logger LOG = LoggerFactory.getLogger(CalendarJobs.class);
  private final OneTimeTask<Void> post;
  private final RecurringTask<Void> planner;

  /**
   * @param calendar the planning calendar
   * @param admins told when a post keeps failing
   * @param clock the time source
   * @param planEvery how often the planner looks for posts to schedule
   * @param firstRetry delay before a failed post's first retry
   */
  CalendarJobs(
      PlanningCalendar calendar,
      AdminNotifier admins,
      Clock clock,
      Duration planEvery,
      Duration firstRetry) {
    this.post =
        Tasks.oneTime(POST)
            .onFailure(
                FailureHandler.<Void>maxRetries(RETRIES)
                    .withBackoff(firstRetry, 2.0)
                    .thenRemove(
                        complete ->
                            admins.tell(
                                "The planning calendar post "
                                    + Mrkdwn.escape(complete.getExecution().taskInstance.getId())
                                    + " failed after "
                                    + (RETRIES + 1)
                                    + " attempts: "
                                    + Mrkdwn.escape(
                                        complete
                                            .getCause()
                                            .map(Throwable::getMessage)
                                            .orElse("unknown")))))
            .execute(
                (instance, ctx) ->
                    LOG.info(
                        "Planning calendar {}: {}",
                        instance.getId(),
                        calendar.post(instance.getId())));
    this.planner =
        Tasks.recurring(PLANNER, Schedules.fixedDelay(planEvery))
            .execute(
                (instance, ctx) -> {
                  for (PlanningCalendar.Occurrence o :
                      calendar.dueBefore(clock.instant().plus(planEvery.multipliedBy(2)))) {
                    ctx.getSchedulerClient()
                        .scheduleIfNotExists(post.instance(o.instanceId()), o.at());
                  }
                });
  }

  /** The one-time task. */
  OneTimeTask<Void> post() {
    return post;
  }

  /** The recurring planner, started with the scheduler. */
  RecurringTask<Void> planner() {
    return planner;
  }
}
