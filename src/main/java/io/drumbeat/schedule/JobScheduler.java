package io.drumbeat.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Everything Drumbeat runs on a clock, on db-scheduler: executions live in the {@code
 * scheduled_tasks} table and are picked with optimistic locking, so two instances on one PostgreSQL
 * never run the same execution twice. {@link #manual} gives a scheduler that runs only when {@link
 * #runDue()} is called, on a {@link MovableClock} (demo and tests).
 */
public final class JobScheduler implements AutoCloseable {
  /** Executions run at once by one instance. */
  static final int THREADS = 8;

  /**
   * How often a running execution tells the database it is alive; after {@link #MISSED_HEARTBEATS}
   * missed ones (20 s) another instance takes it over (db-scheduler's dead execution detection).
   */
  static final Duration HEARTBEAT = Duration.ofSeconds(5);

  /** Heartbeats an execution may miss before it counts as dead. */
  static final int MISSED_HEARTBEATS = 4;

  /** How long {@link #close()} waits for running executions (Slack calls time out before). */
  static final Duration SHUTDOWN_MAX_WAIT = Duration.ofSeconds(15);

  private final Scheduler scheduler;
  private final ManualScheduler manual;

  private JobScheduler(Scheduler scheduler, ManualScheduler manual) {
    this.scheduler = scheduler;
    this.manual = manual;
  }

  /**
   * A polling scheduler for {@code serve}.
   *
   * @param pollingInterval how often due executions are looked for
   */
  public static JobScheduler polling(
      DataSource ds,
      List<Task<?>> tasks,
      List<RecurringTask<Void>> recurring,
      Clock clock,
      Duration pollingInterval) {
    Scheduler s =
        Scheduler.create(ds, tasks)
            .startTasks(recurring)
            .clock(clock::instant)
            .pollingInterval(pollingInterval)
            .threads(THREADS)
            .heartbeatInterval(HEARTBEAT)
            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
            .shutdownMaxWait(SHUTDOWN_MAX_WAIT)
            .enableImmediateExecution()
            .build();
    return new JobScheduler(s, null);
  }

  /** A scheduler that runs due executions only on {@link #runDue()}, at {@code clock}'s time. */
  public static JobScheduler manual(
      DataSource ds, List<Task<?>> tasks, List<RecurringTask<Void>> recurring, MovableClock clock) {
    TestHelper.ManualSchedulerBuilder builder = TestHelper.createManualScheduler(ds, tasks);
    builder.heartbeatInterval(HEARTBEAT).missedHeartbeatsLimit(MISSED_HEARTBEATS);
    ManualScheduler s = builder.clock(clock.settable()).startTasks(recurring).build();
    return new JobScheduler(s, s);
  }

  /** Starts polling (for a manual scheduler: registers the recurring tasks). */
  public void start() {
    scheduler.start();
  }

  /** For scheduling and inspecting executions. */
  public SchedulerClient client() {
    return scheduler;
  }

  /**
   * Runs every execution due at the clock's time (manual schedulers only), repeating while running
   * them makes more due (the planner schedules reminders that are due at once).
   *
   * @throws IllegalStateException for a polling scheduler
   */
  public void runDue() {
    if (manual == null) {
      throw new IllegalStateException("runDue is for manual schedulers");
    }
    for (int i = 0; i < 3; i++) {
      manual.runAnyDueExecutions();
    }
  }

  /**
   * Runs due executions (manual schedulers only) until none is due at the clock's time: the
   * deliveries a change recorded, and whatever they make due in turn (a redraw asked for meanwhile,
   * a thread reply after its parent).
   *
   * @return false when work was still due after {@code maxRounds} rounds
   * @throws IllegalStateException for a polling scheduler
   */
  public boolean runUntilIdle(int maxRounds) {
    for (int round = 0; round < maxRounds; round++) {
      runDue();
      Instant now = manual.getClock().now();
      boolean due =
          scheduler.getScheduledExecutions().stream()
              .anyMatch(e -> !e.isPicked() && !e.getExecutionTime().isAfter(now));
      if (!due) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
