package io.drumbeat.daily;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.drumbeat.DrumbeatException;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.schedule.WeeklyCron;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.UserDirectory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily-update jobs on db-scheduler. {@value #PLANNER} (every {@code planEvery}) schedules each
 * member's {@value #PROMPT} and {@value #REMINDER} for their local day, with deterministic instance
 * ids such as {@code U0AAA1:2026-11-23}, at the team times in the member's own zone; a prompt
 * missed while Drumbeat was down is still sent on restart if the reminder time has not come, and
 * never for a past day. The prompt and reminder jobs only record the DM in the outbox, which
 * delivers it (with its own retries). A prompt or reminder run that fails (e.g. the database is
 * unreachable) is retried up to {@value #RETRIES} times with exponential backoff: the first retry
 * {@code firstRetry} after the failure, each later wait {@value #BACKOFF_MULTIPLIER} times the one
 * before (db-scheduler's {@code FailureHandler.maxRetries(n).withBackoff(first, multiplier)}); in
 * production {@code firstRetry} is 1 minute, so 1, 2, 4 and 8 minutes; after the last retry the
 * admins are told. {@value #ROSTER} reads the members of channel-following teams hourly; a failure
 * keeps the last known members and is retried with the same backoff, without a limit, until a read
 * succeeds. Teams with {@code digestAt} get a weekly {@code daily-digest-TEAM}.
 */
final class DailyJobs {
  /** Task name of the planner. */
  public static final String PLANNER = "daily-planner";

  /** Task name of the per-member prompt. */
  public static final String PROMPT = "daily-prompt";

  /** Task name of the per-member reminder. */
  public static final String REMINDER = "daily-reminder";

  /** Task name of the job that reads channel-following teams' members. */
  public static final String ROSTER = "daily-roster";

  /** How often {@value #ROSTER} runs. */
  static final Duration ROSTER_EVERY = Duration.ofHours(1);

  /** Retries of a failed prompt or reminder run after its first attempt. */
  static final int RETRIES = 4;

  /** Each wait before a retry is this many times the one before. */
  static final double BACKOFF_MULTIPLIER = 2.0;

  private static final Logger LOG = LoggerFactory.getLogger(DailyJobs.class);
  private final OneTimeTask<Void> prompt;
  private final OneTimeTask<Void> reminder;
  private final List<RecurringTask<Void>> recurring = new ArrayList<>();

  /**
   * @param service the prompt and reminder logic
   * @param roster the teams and their members
   * @param users members' profiles (read with {@code users.list} when one is missing)
   * @param digest the weekly team digest
   * @param admins told when a prompt or reminder job keeps failing
   * @param zone organisation zone (team digests)
   * @param planEvery how often the planner runs
   * @param firstRetry delay before a failed job's first retry (then multiplied by {@value
   *     #BACKOFF_MULTIPLIER} each time; {@value #RETRIES} retries of a prompt or reminder)
   */
  DailyJobs(
      DailyService service,
      DailyRoster roster,
      UserDirectory users,
      DailyTeamDigest digest,
      AdminNotifier admins,
      ZoneId zone,
      Duration planEvery,
      Duration firstRetry) {
    this.prompt = notice(PROMPT, service::prompt, admins, firstRetry);
    this.reminder = notice(REMINDER, service::remind, admins, firstRetry);
    recurring.add(
        Tasks.recurring(ROSTER, Schedules.fixedDelay(ROSTER_EVERY))
            .onFailure(
                new FailureHandler.ExponentialBackoffFailureHandler<>(
                    firstRetry, BACKOFF_MULTIPLIER))
            .execute((instance, ctx) -> refresh(roster)));
    recurring.add(
        Tasks.recurring(PLANNER, Schedules.fixedDelay(planEvery))
            .execute(
                (instance, ctx) -> {
                  roster.ensureRead();
                  users.ensureKnown(roster.members().keySet());
                  plan(service, ctx.getSchedulerClient());
                }));
    for (TeamConfig team : roster.teams()) {
      team.digestAt()
          .ifPresent(
              at ->
                  recurring.add(
                      Tasks.recurring("daily-digest-" + team.id(), WeeklyCron.of(at, zone))
                          .execute((instance, ctx) -> digest.runScheduled(team))));
    }
  }

  private static OneTimeTask<Void> notice(
      String name,
      BiFunction<String, LocalDate, DailyService.Outcome> send,
      AdminNotifier admins,
      Duration firstRetry) {
    return Tasks.oneTime(name)
        .onFailure(
            FailureHandler.<Void>maxRetries(RETRIES)
                .withBackoff(firstRetry, BACKOFF_MULTIPLIER)
                .thenRemove(
                    complete ->
                        admins.tell(
                            "The daily "
                                + (name.equals(PROMPT) ? "prompt" : "reminder")
                                + " `"
                                + complete.getExecution().taskInstance.getId()
                                + "` failed after "
                                + (RETRIES + 1)
                                + " attempts: "
                                + Mrkdwn.escape(
                                    complete
                                        .getCause()
                                        .map(Throwable::getMessage)
                                        .orElse("unknown"))
                                + ".")))
        .execute(
            (instance, ctx) -> {
              String[] id = DailyDay.parse(instance.getId());
              LOG.info(
                  "{} {}: {}", name, instance.getId(), send.apply(id[0], LocalDate.parse(id[1])));
            });
  }

  private static void refresh(DailyRoster roster) {
    int failed = roster.refresh();
    if (failed > 0) {
      throw new DrumbeatException(
          failed + " team channel(s) could not be read; their last known members are kept");
    }
  }

  private void plan(DailyService service, SchedulerClient client) {
    for (DailyDay day : service.today()) {
      if (service.stillDue(day, DailyRepository.PROMPT)) {
        client.scheduleIfNotExists(prompt.instance(day.instanceId()), day.promptAt());
      }
      if (service.stillDue(day, DailyRepository.REMINDER)) {
        client.scheduleIfNotExists(reminder.instance(day.instanceId()), day.reminderAt());
      }
    }
  }

  /** The one-time tasks. */
  public List<Task<?>> oneTime() {
    return List.of(prompt, reminder);
  }

  /** The recurring tasks: the planner and the team digests. */
  public List<RecurringTask<Void>> recurring() {
    return List.copyOf(recurring);
  }
}
