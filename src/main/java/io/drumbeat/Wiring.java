package io.drumbeat;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.store.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * What {@link Drumbeat} is assembled from.
 *
 * @param config the validated {@code drumbeat.yml}
 * @param configSource the config file's name, for messages
 * @param database open, migrated database
 * @param clock the time source
 * @param manualClock non-null for a manual scheduler moved by the demo or tests; null to poll
 * @param apiUrl Slack Web API base URL ending in {@code /}
 * @param botToken {@code xoxb-…}
 * @param signingSecret the app's signing secret
 * @param host interface to bind
 * @param port TCP port, 0 for any
 * @param retryDelay first delay of Slack 5xx retries and failed-job retries (doubles)
 * @param channels resolved channels, or null to resolve them with Slack at start-up
 */
public record Wiring(
    DrumbeatConfig config,
    String configSource,
    Database database,
    Clock clock,
    MovableClock manualClock,
    String apiUrl,
    String botToken,
    String signingSecret,
    String host,
    int port,
    Duration retryDelay,
    ChannelDirectory channels) {}
