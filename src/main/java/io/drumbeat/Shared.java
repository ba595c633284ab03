package io.drumbeat;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.Replays;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The parts every feature is built from: one of each per running Drumbeat, made by {@link Drumbeat}
 * and passed to each feature's {@code assemble} method, which returns a {@link Feature}.
 *
 * @param config the validated configuration
 * @param jdbi the open, migrated database
 * @param clock the time source (features give {@code config.timezone()} explicitly, never its zone)
 * @param slack the Web API, paced to Slack's rate limits and retrying 5xx and I/O failures
 * @param channels ids of every channel named in {@code config}, resolved at start-up
 * @param users Slack profiles, cached in the database
 * @param admins tells the configured admins about problems only they can fix
 * @param outbox where every Slack side effect of a change is recorded, in its transaction
 * @param replays requests already handled (a replayed view submission changes nothing twice)
 * @param retryDelay first delay of Slack call retries; features scale it for their job retries
 * @param home redraws a person's App Home tab after their own change, in its transaction
 */
public record Shared(
    DrumbeatConfig config,
    Jdbi jdbi,
    Clock clock,
    SlackGateway slack,
    ChannelDirectory channels,
    UserDirectory users,
    AdminNotifier admins,
    Outbox outbox,
    Replays replays,
    Duration retryDelay,
    HomeRefresh home) {}
