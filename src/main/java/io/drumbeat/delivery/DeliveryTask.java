package io.drumbeat.delivery;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox on db-scheduler: one execution of the one-time task {@value #NAME} per row, its task
 * instance id being the delivery key, so that several instances on one PostgreSQL pick each row
 * once (db-scheduler's optimistic locking), a crashed instance's row is revived on another (dead
 * execution detection), and a row that must wait (pacing, backoff, a batched redraw) is rescheduled
 * instead of holding a thread. {@value #SWEEPER} gives an execution to any pending row that has
 * none.
 */
public final class DeliveryTask implements Outbox.Wakeup {
  /** Task name of a delivery. */
  public static final String NAME = "outbox";

  /** Task name of the sweeper. */
  public static final String SWEEPER = "outbox-sweeper";

  private final CustomTask<Void> task;
  private final RecurringTask<Void> sweeper;
  private final Jdbi jdbi;
  private final Clock clock;
  private volatile SchedulerClient client;
  private volatile Runnable wake = () -> {};

  /**
   * @param deliverer delivers one row
   * @param jdbi database (the sweeper's query)
   * @param clock the time source
   * @param sweepEvery how often pending rows without an execution are looked for
   */
  DeliveryTask(Deliverer deliverer, Jdbi jdbi, Clock clock, Duration sweepEvery) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.task =
        Tasks.custom(NAME, Void.class)
            .onFailure(
                FailureHandler.<Void>maxRetries(8)
                    .withBackoff(Duration.ofSeconds(1), 2.0)
                    .thenRemove())
            .onDeadExecutionRevive()
            .execute(
                (instance, ctx) -> {
                  String key = instance.getId();
                  Optional<Instant> again = deliverer.deliver(key);
                  if (again.isPresent()) {
                    return (complete, ops) -> ops.reschedule(complete, again.get());
                  }
                  return (complete, ops) -> {
                    ops.remove();
                    // A redraw asked for while this ran found the execution still there.
                    if (isPending(key)) {
                      reschedule(key, clock.instant());
                    }
                  };
                });
    this.sweeper =
        Tasks.recurring(SWEEPER, Schedules.fixedDelay(sweepEvery))
            .execute((instance, ctx) -> sweep(ctx.getSchedulerClient()));
  }

  /** The delivery task, to register with the scheduler. */
  public Task<Void> task() {
    return task;
  }

  /** The sweeper, to start with the scheduler. */
  public RecurringTask<Void> sweeper() {
    return sweeper;
  }

  /**
   * Connects to the scheduler that runs the deliveries (once, after it is built).
   *
   * @param wake asks it to look for due executions now (db-scheduler's {@code
   *     triggerCheckForDueExecutions}; nothing for a manual scheduler)
   */
  public void attach(SchedulerClient scheduler, Runnable wake) {
    this.client = scheduler;
    this.wake = wake;
  }

  /**
   * Wakes the local scheduler when delivery {@code key}, scheduled in a committed transaction, is
   * due now, so it runs without waiting for the next poll.
   */
  @Override
  public void due(String key, Instant at) {
    if (!at.isAfter(clock.instant())) {
      wake.run();
    }
  }

  private void reschedule(String key, Instant at) {
    SchedulerClient client = this.client;
    if (client != null) {
      client.scheduleIfNotExists(task.instance(key), at);
    }
  }

  private boolean isPending(String key) {
    return jdbi.onDemand(OutboxRepository.class)
        .find(key)
        .filter(r -> r.state() == DeliveryState.PENDING)
        .isPresent();
  }

  private void sweep(SchedulerClient client) {
    Instant now = clock.instant();
    for (OutboxRow row : jdbi.onDemand(OutboxRepository.class).orphans(NAME, 500)) {
      Instant at = row.notBefore() != null && row.notBefore().isAfter(now) ? row.notBefore() : now;
      client.scheduleIfNotExists(task.instance(row.deliveryKey()), at);
    }
  }
}
