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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Everything Drumbeat runs on a clock or after a request, on db-scheduler: executions live in the
 * {@code scheduled_tasks} table and are picked with optimistic locking, so two instances on one
 * PostgreSQL never run the same execution twice, and a crashed instance's executions are taken over
 * after {@link #MISSED_HEARTBEATS} missed heartbeats.
 *
 * <p>{@link #manual} gives schedulers that run only when told, on a {@link MovableClock} (demo and
 * tests): {@link #settle()} runs the work requests started (deliveries, admin jobs) and {@link
 * #runDue()} also what the clock made due (planners, reminders, digests). They are two manual
 * db-scheduler instances on the same table, each knowing its own tasks.
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
  private final Optional<Manual> manual;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private record Manual(ManualScheduler timed, ManualScheduler requested, Set<String> names) {}

  private JobScheduler(Scheduler scheduler, Optional<Manual> manual) {
    this.scheduler = scheduler;
    this.manual = manual;
  }

  /**
   * A polling scheduler for {@code serve}: every task on one db-scheduler.
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
    return new JobScheduler(s, Optional.empty());
  }

  /**
   * Manual schedulers at {@code clock}'s time.
   *
   * @param requested tasks that requests start (run by {@link #settle()} and {@link #runDue()})
   * @param timed tasks the clock makes due (run by {@link #runDue()} only)
   */
  public static JobScheduler manual(
      DataSource ds,
      List<Task<?>> requested,
      List<Task<?>> timed,
      List<RecurringTask<Void>> recurring,
      MovableClock clock) {
    ManualScheduler onClock = build(ds, timed, recurring, clock);
    ManualScheduler onRequest = build(ds, requested, List.of(), clock);
    Set<String> names = requested.stream().map(Task::getName).collect(Collectors.toSet());
    return new JobScheduler(onClock, Optional.of(new Manual(onClock, onRequest, names)));
  }

  private static ManualScheduler build(
      DataSource ds, List<Task<?>> tasks, List<RecurringTask<Void>> recurring, MovableClock clock) {
    TestHelper.ManualSchedulerBuilder builder = TestHelper.createManualScheduler(ds, tasks);
    builder
        .heartbeatInterval(HEARTBEAT)
        .missedHeartbeatsLimit(MISSED_HEARTBEATS)
        .deleteUnresolvedAfter(Duration.ofDays(36500));
    return builder.clock(clock.settable()).startTasks(recurring).build();
  }

  /** Starts polling (manual schedulers: registers the recurring tasks). */
  public void start() {
    scheduler.start();
    manual.ifPresent(m -> m.requested().start());
  }

  /** For scheduling and inspecting executions. */
  public SchedulerClient client() {
    return scheduler;
  }

  /**
   * Runs every execution due at the clock's time (manual schedulers only), then the work that made
   * due in turn, until none is left.
   *
   * @throws IllegalStateException for a polling scheduler
   */
  public void runDue() {
    Manual m =
        manual.orElseThrow(() -> new IllegalStateException("runDue is for manual schedulers"));
    for (int i = 0; i < 3; i++) {
      m.timed().runAnyDueExecutions();
      settle();
    }
  }

  /**
   * Runs the executions requests started (deliveries, admin jobs) that are due at the clock's time,
   * and whatever they make due in turn, until none is left (manual schedulers only).
   *
   * @return false when work was still due after 50 rounds
   * @throws IllegalStateException for a polling scheduler
   */
  public boolean settle() {
    Manual m =
        manual.orElseThrow(() -> new IllegalStateException("settle is for manual schedulers"));
    for (int round = 0; round < 50; round++) {
      m.requested().runAnyDueExecutions();
      Instant now = m.requested().getClock().now();
      boolean due =
          scheduler.getScheduledExecutions().stream()
              .anyMatch(
                  e ->
                      !e.isPicked()
                          && !e.getExecutionTime().isAfter(now)
                          && m.names().contains(e.getTaskInstance().getTaskName()));
      if (!due) {
        return true;
      }
    }
    return false;
  }

  /**
   * Asks a polling scheduler to look for due executions now instead of at its next poll (e.g. a
   * delivery just committed); a manual scheduler runs only when told.
   */
  public void wake() {
    if (manual.isEmpty()) {
      scheduler.triggerCheckForDueExecutions();
    }
  }

  /** Detects executions of crashed instances (manual schedulers; at the clock's time). */
  public void detectDeadExecutions() {
    manual.ifPresent(
        m -> {
          m.timed().runDeadExecutionDetection();
          m.requested().runDeadExecutionDetection();
        });
  }

  /**
   * Stops picking work and waits for the executions running now (as {@link #close()}); used when
   * the app was uninstalled. Idempotent.
   */
  public void halt() {
    close();
  }

  /** True once {@link #halt()} or {@link #close()} was called. */
  public boolean isHalted() {
    return stopped.get();
  }

  @Override
  public void close() {
    if (stopped.compareAndSet(false, true)) {
      manual.ifPresent(m -> m.requested().stop());
      scheduler.stop();
    }
  }
}
