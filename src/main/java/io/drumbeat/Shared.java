package io.drumbeat;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The parts every feature is built from.
 *
 * @param config the validated configuration
 * @param jdbi database
 * @param clock the time source
 * @param slack Web API
 * @param channels resolved channel ids
 * @param users Slack profiles
 * @param admins problems only admins can fix
 * @param outbox where every Slack side effect of a change is recorded
 * @param modals worker pool for opening modals after acks
 * @param background worker pool for the rest of the work after acks
 * @param retryDelay first delay of job retries
 */
record Shared(
    DrumbeatConfig config,
    Jdbi jdbi,
    Clock clock,
    SlackGateway slack,
    ChannelDirectory channels,
    UserDirectory users,
    AdminNotifier admins,
    Outbox outbox,
    Background modals,
    Background background,
    Duration retryDelay) {}
