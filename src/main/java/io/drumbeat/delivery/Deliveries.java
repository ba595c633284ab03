package io.drumbeat.delivery;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.slack.api.Slack;
import io.drumbeat.slack.FileUploads;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Assembles the delivery side of the outbox: the Slack calls, pacing, reconciliation and the
 * db-scheduler tasks that run them.
 */
public final class Deliveries {
  /** How often pending rows without an execution are looked for. */
  public static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

  private final DeliveryTask task;

  /**
   * @param jdbi database
   * @param outbox the renderers; attached to the task so recorded rows are scheduled
   * @param slack the SDK entry point for deliveries (its config carries the Web API URL and HTTP
   *     timeouts)
   * @param botToken {@code xoxb-…}; never logged
   * @param clock the time source
   * @param firstRetry delay before the first retry of a transient failure (doubles)
   * @param postsPerMinute the workspace-wide {@code chat.postMessage} budget
   * @param report tells the admins about rows that failed for good
   * @param knownDm the app's DM channel with a user, when known (reconciliation)
   * @param dmLearned told (user id, DM channel) when a post to a user revealed it
   */
  public Deliveries(
      Jdbi jdbi,
      Outbox outbox,
      Slack slack,
      String botToken,
      Clock clock,
      Duration firstRetry,
      int postsPerMinute,
      FailureReport report,
      Function<String, Optional<String>> knownDm,
      BiConsumer<String, String> dmLearned) {
    SlackSender sender = new SlackSender(slack, botToken);
    Sending sending =
        new Sending(
            sender,
            new Pacer(clock, postsPerMinute),
            new Reconciler(sender, knownDm),
            new FileUploads(slack, botToken),
            dmLearned);
    Deliverer deliverer = new Deliverer(jdbi, outbox, sending, clock, firstRetry, report);
    this.task = new DeliveryTask(deliverer, jdbi, clock, SWEEP_EVERY);
    outbox.attach(task);
  }

  /** The one-time task that delivers a row. */
  public Task<Void> task() {
    return task.task();
  }

  /** The recurring sweeper. */
  public RecurringTask<Void> sweeper() {
    return task.sweeper();
  }

  /**
   * Connects to the scheduler (once it is built).
   *
   * @param wake asks the scheduler to look for due executions now
   */
  public void attach(SchedulerClient scheduler, Runnable wake) {
    task.attach(scheduler, wake);
  }
}
