package io.drumbeat.retro;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a retro in another channel than the one {@code /retro start} was typed in, only for a
 * member of that channel. No Slack call may run inside a slash command's ack, so the command
 * records a {@link StartRequest} and its db-scheduler execution ({@value #NAME}) in one transaction
 * and acks "Checking…"; the execution then reads the channel's members ({@code
 * conversations.members}, scopes {@code channels:read} and {@code groups:read}) and, in one
 * transaction, removes the request and either starts the retro (the retro and its announcement, as
 * {@link RetroStarter#start} records them) or refuses, answering through the command's {@code
 * response_url}. A retry or a second instance acts on a request once.
 */
final class StartCheck {
  /** Task name of a check. */
  static final String NAME = "retro-start-check";

  /** A request not checked within this long is dropped (its answer asks to type it again). */
  static final Duration STALE = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(StartCheck.class);
  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final RetroStarter starter;
  private final Followups followups;
  private final Clock clock;
  private final OneTimeTask<Void> task;

  /**
   * @param jdbi database
   * @param slack Web API ({@code conversations.members}, after the ack)
   * @param starter starts the retro
   * @param followups answers through the command's {@code response_url}
   * @param clock when requests are made and due
   */
  StartCheck(
      Jdbi jdbi, SlackGateway slack, RetroStarter starter, Followups followups, Clock clock) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.starter = starter;
    this.followups = followups;
    this.clock = clock;
    this.task =
        Tasks.oneTime(NAME)
            .onFailure(
                FailureHandler.<Void>maxRetries(3)
                    .withBackoff(Duration.ofSeconds(1), 2.0)
                    .thenRemove(
                        complete ->
                            LOG.error(
                                "A /retro start could not be checked: {}",
                                complete.getExecution().taskInstance.getId())))
            .execute((instance, ctx) -> check(instance.getId()));
  }

  /** The task, to register with the scheduler. */
  Task<Void> task() {
    return task;
  }

  /**
   * Records that {@code facilitator} asked for a retro with {@code options} (votes resolved) in
   * {@code channel}, and its check, due now. Makes no Slack call.
   */
  void request(StartOptions options, String facilitator, String channel, String responseUrl) {
    StartRequest request =
        new StartRequest(
            UUID.randomUUID().toString(),
            facilitator,
            channel,
            options.title(),
            options.named(),
            options.votes().orElseThrow(),
            options.okrQuarter().orElse(null),
            responseUrl,
            clock.instant());
    jdbi.useTransaction(
        h -> {
          StartRequests requests = h.attach(StartRequests.class);
          requests.insert(request);
          requests.schedule(NAME, request.id(), request.createdAt());
        });
  }

  private void check(String id) {
    StartRequest request = jdbi.onDemand(StartRequests.class).find(id).orElse(null);
    if (request == null) {
      return;
    }
    String where = "<#" + request.channel() + ">";
    if (clock.instant().isAfter(request.createdAt().plus(STALE))) {
      finish(
          id,
          request,
          ":warning: I could not check in time that you are in "
              + where
              + ", so no retro was started. Run `/retro start` again.");
      return;
    }
    List<String> members;
    try {
      members = slack.members(request.channel());
    } catch (SlackCallException e) {
      finish(
          id,
          request,
          ":x: I could not read who is in "
              + where
              + " (Slack said `"
              + Mrkdwn.escape(e.error())
              + "`), so no retro was started. If it is a private channel, invite me with"
              + " `/invite @Drumbeat` first.");
      return;
    }
    if (!members.contains(request.facilitator())) {
      finish(
          id,
          request,
          ":no_entry: You are not in "
              + where
              + ", so you cannot start a retro there. Join it first, or run `/retro start` in a"
              + " channel you are in.");
      return;
    }
    jdbi.useTransaction(
        h -> {
          if (h.attach(StartRequests.class).delete(id) == 0) {
            return;
          }
          try {
            Retro retro =
                starter.start(
                    request.options(),
                    request.facilitator(),
                    request.channel(),
                    request.responseUrl());
            followups.replace(
                request.responseUrl(),
                RetroControls.STARTED,
                RetroControls.blocks(retro, RetroControls.STARTED));
          } catch (DrumbeatException e) {
            followups.tell(request.responseUrl(), ":warning: " + e.getMessage());
          }
        });
  }

  /** Removes the request and, once, tells its facilitator {@code mrkdwn} (nothing was started). */
  private void finish(String id, StartRequest request, String mrkdwn) {
    jdbi.useTransaction(
        h -> {
          if (h.attach(StartRequests.class).delete(id) == 1) {
            followups.tell(request.responseUrl(), mrkdwn);
          }
        });
  }
}
