package io.drumbeat.okr;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.drumbeat.config.WeeklyTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-of-quarter OKR jobs on db-scheduler, each with a deterministic instance id so several
 * instances on one PostgreSQL run it once:
 *
 * <ul>
 *   <li>{@value #PLANNER} (every {@code planEvery}) schedules what is due: for week 12 and 13 of a
 *       quarter (planned from the week before) each owner's {@value #KR_RETRO} DM ({@code
 *       OWNER:QUARTER:prompt} or {@code …:reminder}), and in week 1 of a quarter the previous
 *       quarter's {@value #SCORECARD} (id {@code QUARTER}) on that week's Monday at {@code
 *       okr.digestAt}'s time of day;
 *   <li>{@value #KR_RETRO} records the DM in the outbox ({@link KrRetros#send});
 *   <li>{@value #SCORECARD} records the final scorecard and its chart, and makes it final ({@link
 *       ScorecardPost#postFinal}).
 * </ul>
 *
 * A failed run is retried 3 times with backoff (first after {@code firstRetry}, doubling).
 */
final class QuarterJobs {
  /** Task name of the planner. */
  static final String PLANNER = "okr-quarter-planner";

  /** Task name of a KR owner's retrospective prompt or reminder. */
  static final String KR_RETRO = "okr-kr-retro";

  /** Task name of the quarter's scheduled scorecard. */
  static final String SCORECARD = "okr-scorecard";

  private static final Logger LOG = LoggerFactory.getLogger(QuarterJobs.class);
  private final OneTimeTask<Void> krRetro;
  private final OneTimeTask<Void> scorecard;
  private final RecurringTask<Void> planner;

  /**
   * @param retros the KR retrospective prompts
   * @param post the scorecard post
   * @param calendar organisation time
   * @param fiscalYearStartMonth 1 to 12
   * @param digestAt {@code okr.digestAt}: its time of day is the scorecard's
   * @param planEvery how often the planner looks
   * @param firstRetry the first retry's delay
   */
  QuarterJobs(
      KrRetros retros,
      ScorecardPost post,
      OkrCalendar calendar,
      int fiscalYearStartMonth,
      WeeklyTime digestAt,
      Duration planEvery,
      Duration firstRetry) {
    this.krRetro =
        Tasks.oneTime(KR_RETRO)
            .onFailure(FailureHandler.<Void>maxRetries(3).withBackoff(firstRetry, 2.0).thenRemove())
            .execute(
                (instance, ctx) ->
                    LOG.info(
                        "KR retrospective DM {}: {}",
                        instance.getId(),
                        retros.send(KrRetros.Due.parse(instance.getId()))));
    this.scorecard =
        Tasks.oneTime(SCORECARD)
            .onFailure(FailureHandler.<Void>maxRetries(3).withBackoff(firstRetry, 2.0).thenRemove())
            .execute(
                (instance, ctx) ->
                    LOG.info(
                        "Scorecard {}: recorded {}",
                        instance.getId(),
                        post.postFinal(Quarter.parse(instance.getId()))));
    this.planner =
        Tasks.recurring(PLANNER, Schedules.fixedDelay(planEvery))
            .execute(
                (instance, ctx) ->
                    plan(
                        retros,
                        calendar,
                        fiscalYearStartMonth,
                        digestAt,
                        ctx.getSchedulerClient()));
  }

  private void plan(
      KrRetros retros,
      OkrCalendar calendar,
      int fiscalYearStartMonth,
      WeeklyTime digestAt,
      SchedulerClient client) {
    for (KrRetros.Due due : retros.dueSoon()) {
      client.scheduleIfNotExists(krRetro.instance(due.instanceId()), due.at());
    }
    Quarter current = calendar.currentQuarter();
    IsoWeek week1 = new QuarterWeeks(fiscalYearStartMonth).week(current, 1);
    if (calendar.currentWeek().equals(week1)) {
      Instant at = week1.monday().atTime(digestAt.time()).atZone(calendar.zone()).toInstant();
      client.scheduleIfNotExists(
          scorecard.instance(new QuarterWeeks(fiscalYearStartMonth).previous(current).toString()),
          at);
    }
  }

  /** The one-time tasks. */
  List<Task<?>> oneTime() {
    return List.of(krRetro, scorecard);
  }

  /** The recurring tasks. */
  List<RecurringTask<Void>> recurring() {
    return List.of(planner);
  }
}
