package io.drumbeat;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.HttpServer;
import io.drumbeat.socket.SocketModeSettings;
import io.drumbeat.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Collects the optional settings of a {@link Wiring}; each setter returns this builder. */
public final class WiringBuilder {
  final DrumbeatConfig config;
  final Database database;
  final String apiUrl;
  final String botToken;
  final String signingSecret;
  String configSource = "drumbeat.yml";
  Clock clock = Clock.systemUTC();
  Optional<MovableClock> manualClock = Optional.empty();
  String host = "127.0.0.1";
  int port = 0;
  Duration retryDelay = Duration.ofSeconds(1);
  Optional<ChannelDirectory> channels = Optional.empty();
  Duration slackTimeout = Duration.ofSeconds(10);
  int postsPerMinute = 600;
  int concurrentRequests = HttpServer.DEFAULT_CONCURRENT;
  Duration channelBudget = Duration.ofSeconds(2);
  Optional<SocketModeSettings> socketMode = Optional.empty();
  Optional<String> smtpUrl = Optional.empty();

  WiringBuilder(
      DrumbeatConfig config,
      Database database,
      String apiUrl,
      String botToken,
      String signingSecret) {
    this.config = Objects.requireNonNull(config, "config");
    this.database = Objects.requireNonNull(database, "database");
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
    this.botToken = Objects.requireNonNull(botToken, "botToken");
    this.signingSecret = signingSecret;
  }

  /** Names the config file in messages; default {@code drumbeat.yml}. */
  public WiringBuilder configSource(String source) {
    this.configSource = Objects.requireNonNull(source, "source");
    return this;
  }

  /**
   * Sets the time source; default the system clock in UTC. Without {@link #manualScheduler}, the
   * scheduler still polls every 10 s of real time for what is due at this clock's time (the fan-out
   * benchmark moves a {@link MovableClock} under a polling scheduler).
   */
  public WiringBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Makes the job scheduler manual: due jobs run only when the demo or a test calls {@code
   * scheduler().runDue()}, never by polling. {@code clock} also becomes the time source.
   */
  public WiringBuilder manualScheduler(MovableClock clock) {
    this.manualClock = Optional.of(clock);
    this.clock = clock;
    return this;
  }

  /** Sets the interface to bind; default {@code 127.0.0.1} ({@code serve} binds 0.0.0.0). */
  public WiringBuilder host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /**
   * Sets the TCP port; default 0, any free one ({@link Drumbeat#port()} tells which).
   *
   * @throws IllegalArgumentException when not in 0..65535
   */
  public WiringBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * Sets the first delay of Slack 5xx retries and of failed-job retries; default 1 s.
   *
   * @throws IllegalArgumentException when not positive
   */
  public WiringBuilder retryDelay(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("retryDelay must be positive, was " + delay);
    }
    this.retryDelay = delay;
    return this;
  }

  /**
   * Uses these channel ids instead of resolving the configured channels with Slack at start-up (the
   * default, which fails on a channel that does not exist).
   */
  public WiringBuilder channels(ChannelDirectory channels) {
    this.channels = Optional.of(channels);
    return this;
  }

  /**
   * Sets how long a Slack Web API call may take to answer before its outcome counts as unknown (a
   * post is then looked for before it is sent again); default 10 s.
   *
   * @throws IllegalArgumentException when not positive
   */
  public WiringBuilder slackTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("slackTimeout must be positive, was " + timeout);
    }
    this.slackTimeout = timeout;
    return this;
  }

  /**
   * Sets the workspace-wide budget of {@code chat.postMessage} calls per minute; default 600 (Slack
   * allows about one message a second per channel and "several hundred" a minute per workspace,
   * without a published number; a 429 slows the channel it came from).
   *
   * @throws IllegalArgumentException when not positive
   */
  public WiringBuilder postsPerMinute(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("postsPerMinute must be positive, was " + perMinute);
    }
    this.postsPerMinute = perMinute;
    return this;
  }

  /**
   * Sets how many Slack requests are handled at once; more are answered "busy" at once instead of
   * queueing without bound. Default {@value HttpServer#DEFAULT_CONCURRENT}.
   *
   * @throws IllegalArgumentException when not positive
   */
  public WiringBuilder concurrentRequests(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("concurrentRequests must be positive, was " + limit);
    }
    this.concurrentRequests = limit;
    return this;
  }

  /**
   * Sets how long start-up waits for the configured channels to be looked up in Slack before it
   * carries on and lets the lookup finish in the background; default 2 s. A channel found missing
   * within it stops start-up with a config error naming its key.
   */
  public WiringBuilder channelBudget(Duration budget) {
    this.channelBudget = Objects.requireNonNull(budget, "budget");
    return this;
  }

  /**
   * Also takes Slack's requests over Socket Mode (the same listeners as {@code POST
   * /slack/events}), with an app-level token; default: HTTP only.
   */
  public WiringBuilder socketMode(SocketModeSettings settings) {
    this.socketMode = Optional.of(settings);
    return this;
  }

  /**
   * Sends the monthly email through this SMTP server ({@code SMTP_URL}, e.g. {@code
   * smtps://user:password@mail.example.com:465}; a secret, never logged); default: none.
   */
  public WiringBuilder smtpUrl(String url) {
    this.smtpUrl = Optional.ofNullable(url).filter(u -> !u.isBlank());
    return this;
  }

  /**
   * The wiring; nothing is started.
   *
   * @throws IllegalStateException when a manual scheduler's clock is not the time source ({@link
   *     #clock} was set after {@link #manualScheduler}), or when there is neither a signing secret
   *     nor Socket Mode (Slack could reach nothing)
   */
  public Wiring build() {
    if (manualClock.isPresent() && manualClock.get() != clock) {
      throw new IllegalStateException("a manual scheduler must run on the time source's clock");
    }
    if (signingSecret == null && socketMode.isEmpty()) {
      throw new IllegalStateException("a signing secret is required without Socket Mode");
    }
    return new Wiring(this);
  }
}
