package io.drumbeat.admin;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.Mrkdwn;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code /drumbeat} jobs an admin asked for as db-scheduler executions ({@value #NAME}),
 * after the ack and out of the request: a job survives a restart and runs on one instance. Its
 * report goes back through the command's {@code response_url}, by the outbox; a job asked for from
 * the App Home (no {@code response_url}) reports to the admin by DM.
 */
public final class AdminJobs {
  /** Task name of an admin job. */
  public static final String NAME = "admin-job";

  private static final Logger LOG = LoggerFactory.getLogger(AdminJobs.class);
  private final OneTimeTask<Job> task;
  private final Clock clock;
  private volatile SchedulerClient client;

  /**
   * One admin's request.
   *
   * @param words what followed {@code /drumbeat}, e.g. "digest now" or "scorecard FY2027-Q1"
   * @param userId the admin
   * @param responseUrl where the report goes (valid 30 minutes), or null for a DM to {@code userId}
   */
  public record Job(String words, String userId, String responseUrl) implements Serializable {}

  /**
   * @param actions the jobs admins may run
   * @param followups sends the report
   * @param clock when a job is due (now)
   */
  public AdminJobs(List<AdminAction> actions, Followups followups, Clock clock) {
    this.clock = clock;
    this.task =
        Tasks.oneTime(NAME, Job.class)
            .onFailure(
                FailureHandler.<Job>maxRetries(2)
                    .withBackoff(Duration.ofSeconds(1), 2.0)
                    .thenRemove(
                        complete ->
                            LOG.error(
                                "/drumbeat {} could not run",
                                ((Job) complete.getExecution().taskInstance.getData()).words())))
            .execute(
                (instance, ctx) -> {
                  Job job = instance.getData();
                  String report = run(actions, job);
                  if (job.responseUrl() == null) {
                    followups.dm(job.userId(), report);
                  } else {
                    followups.tell(job.responseUrl(), report);
                  }
                });
  }

  private static String run(List<AdminAction> actions, Job job) {
    AdminAction.Match match = AdminAction.find(actions, job.words()).orElse(null);
    if (match == null) {
      return ":x: `/drumbeat " + Mrkdwn.escape(job.words()) + "` is not a job of this version.";
    }
    try {
      return match.run();
    } catch (RuntimeException e) {
      LOG.error("/drumbeat {} failed", job.words(), e);
      return ":x: `/drumbeat " + job.words() + "` failed: " + Mrkdwn.escape(e.getMessage());
    }
  }

  /** The task, to register with the scheduler. */
  public Task<Job> task() {
    return task;
  }

  /** Connects to the scheduler (once it is built). */
  public void attach(SchedulerClient scheduler) {
    this.client = scheduler;
  }

  /**
   * Schedules {@code job} to run now. The caller has checked that {@code job.userId()} is an admin.
   */
  public void start(Job job) {
    client.schedule(task.instance(UUID.randomUUID().toString(), job), clock.instant());
  }
}
