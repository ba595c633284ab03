package io.drumbeat.delivery;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryTask.class);
  private final CustomTask<Void> task;
  private final RecurringTask<Void> sweeper;
  private final Jdbi jdbi;
  private final Clock clock;
  private volatile SchedulerClient client;

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
                      due(key, clock.instant());
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

  /** Connects to the scheduler that runs the deliveries (once, after it is built). */
  public void attach(SchedulerClient scheduler) {
    this.client = scheduler;
  }

  /**
   * Hands delivery {@code key} to the scheduler to run at {@code at}; an execution already waiting
   * for later is brought forward. Before {@link #attach} it does nothing (the sweeper finds it).
   */
  @Override
  public void due(String key, Instant at) {
    SchedulerClient client = this.client;
    if (client == null || client.scheduleIfNotExists(task.instance(key), at)) {
      return;
    }
    TaskInstanceId id = TaskInstanceId.of(NAME, key);
    try {
      client
          .getScheduledExecution(id)
          .filter(e -> !e.isPicked() && e.getExecutionTime().isAfter(at))
          .ifPresent(e -> client.reschedule(id, at));
    } catch (RuntimeException e) {
      LOG.debug("Delivery {} is running; it will see the new request when it ends", key);
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
