package io.drumbeat.daily;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a member's daily prompt and reminder when their zone changes (a {@code user_change} event,
 * or a {@code users.list} read that found another zone): the executions still waiting for today are
 * rescheduled to the team times in the new zone, or scheduled if the planner had none. A prompt
 * whose new time has already passed is sent at once (until the reminder time, as after a restart).
 * Runs in the transaction of the profile change when there is one, writing db-scheduler's table as
 * its own client does (not picked, version bumped), so an execution being run is left alone.
 */
final class PromptMoves {
  private static final Logger LOG = LoggerFactory.getLogger(PromptMoves.class);
  private final DailyService service;
  private final Jdbi jdbi;

  /**
   * @param service when each member is due (reads the zone just stored)
   * @param jdbi the database holding db-scheduler's {@code scheduled_tasks}
   */
  PromptMoves(DailyService service, Jdbi jdbi) {
    this.service = service;
    this.jdbi = jdbi;
  }

  /** Reschedules today's prompt and reminder of {@code member} in their current zone. */
  void moved(String member) {
    service
        .today(member)
        .ifPresent(
            day ->
                jdbi.useTransaction(
                    h -> {
                      move(h, day, DailyRepository.PROMPT, DailyJobs.PROMPT, day.promptAt());
                      move(h, day, DailyRepository.REMINDER, DailyJobs.REMINDER, day.reminderAt());
                    }));
  }

  private void move(Handle h, DailyDay day, String kind, String task, Instant at) {
    if (!service.stillDue(day, kind)) {
      return;
    }
    int moved =
        h.createUpdate(
                "update scheduled_tasks set execution_time = :at, version = version + 1"
                    + " where task_name = :task and task_instance = :id and picked = false"
                    + " and execution_time <> :at")
            .bind("at", at)
            .bind("task", task)
            .bind("id", day.instanceId())
            .execute();
    int added =
        h.createUpdate(
                "insert into scheduled_tasks (task_name, task_instance, task_data,"
                    + " execution_time, picked, version) values (:task, :id, null, :at, false, 1)"
                    + " on conflict do nothing")
            .bind("at", at)
            .bind("task", task)
            .bind("id", day.instanceId())
            .execute();
    if (moved + added > 0) {
      LOG.info("{} {} is now due at {} ({})", task, day.instanceId(), at, day.zone());
    }
  }
}
