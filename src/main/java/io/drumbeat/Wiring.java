package io.drumbeat;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.socket.SocketModeSettings;
import io.drumbeat.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@link Drumbeat} is assembled from. Built with {@link #builder}: the five things every
 * Drumbeat needs are its arguments, and every other setting has a name and the default {@code
 * serve} would want, except that it listens on loopback unless told otherwise:
 *
 * <pre>{@code
 * Wiring.builder(config, database, apiUrl, botToken, signingSecret)
 *     .manualScheduler(movableClock)   // default: poll every 10 s on the system clock
 *     .retryDelay(Duration.ofMillis(5)) // default: 1 s
 *     .socketMode(SocketModeSettings.of(appToken)) // default: HTTP only
 *     .build();
 * }</pre>
 */
public final class Wiring {
  private final DrumbeatConfig config;
  private final String configSource;
  private final Database database;
  private final Clock clock;
  private final Optional<MovableClock> manualClock;
  private final String apiUrl;
  private final String botToken;
  private final String signingSecret;
  private final String host;
  private final int port;
  private final Duration retryDelay;
  private final Optional<ChannelDirectory> channels;
  private final Duration slackTimeout;
  private final int postsPerMinute;
  private final int concurrentRequests;
  private final Duration channelBudget;
  private final Optional<SocketModeSettings> socketMode;
  private final Optional<String> smtpUrl;

  Wiring(WiringBuilder b) {
    this.config = b.config;
    this.configSource = b.configSource;
    this.database = b.database;
    this.clock = b.clock;
    this.manualClock = b.manualClock;
    this.apiUrl = b.apiUrl;
    this.botToken = b.botToken;
    this.signingSecret = b.signingSecret;
    this.host = b.host;
    this.port = b.port;
    this.retryDelay = b.retryDelay;
    this.channels = b.channels;
    this.slackTimeout = b.slackTimeout;
    this.postsPerMinute = b.postsPerMinute;
    this.concurrentRequests = b.concurrentRequests;
    this.channelBudget = b.channelBudget;
    this.socketMode = b.socketMode;
    this.smtpUrl = b.smtpUrl;
  }

  /**
   * Starts a wiring with what every Drumbeat needs.
   *
   * @param config the validated {@code drumbeat.yml}
   * @param database open, migrated database
   * @param apiUrl Slack Web API base URL ending in {@code /} (a Slack double's in tests)
   * @param botToken the bot token, {@code xoxb-…}; never logged
   * @param signingSecret the app's signing secret; never logged. May be null with {@link
   *     WiringBuilder#socketMode}: then {@code POST /slack/events} is not served
   * @throws NullPointerException naming the argument that is null
   */
  public static WiringBuilder builder(
      DrumbeatConfig config,
      Database database,
      String apiUrl,
      String botToken,
      String signingSecret) {
    return new WiringBuilder(config, database, apiUrl, botToken, signingSecret);
  }

  // Read by Drumbeat only; the builder documents each setting.

  DrumbeatConfig config() {
    return config;
  }

  String configSource() {
    return configSource;
  }

  Database database() {
    return database;
  }

  Clock clock() {
    return clock;
  }

  Optional<MovableClock> manualClock() {
    return manualClock;
  }

  String apiUrl() {
    return apiUrl;
  }

  String botToken() {
    return botToken;
  }

  String signingSecret() {
    return signingSecret;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  Duration retryDelay() {
    return retryDelay;
  }

  Optional<ChannelDirectory> channels() {
    return channels;
  }

  Duration slackTimeout() {
    return slackTimeout;
  }

  int postsPerMinute() {
    return postsPerMinute;
  }

  int concurrentRequests() {
    return concurrentRequests;
  }

  Duration channelBudget() {
    return channelBudget;
  }

  Optional<SocketModeSettings> socketMode() {
    return socketMode;
  }

  Optional<String> smtpUrl() {
    return smtpUrl;
  }
}
