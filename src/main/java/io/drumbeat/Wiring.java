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

  private Wiring(Builder b) {
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
   *     Builder#socketMode}: then {@code POST /slack/events} is not served
   * @throws NullPointerException naming the argument that is null
   */
  public static Builder builder(
      DrumbeatConfig config,
      Database database,
      String apiUrl,
      String botToken,
      String signingSecret) {
    return new Builder(config, database, apiUrl, botToken, signingSecret);
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

  /** Collects the optional settings of a {@link Wiring}; each setter returns this builder. */
  public static final class Builder {
    private final DrumbeatConfig config;
    private final Database database;
    private final String apiUrl;
    private final String botToken;
    private final String signingSecret;
    private String configSource = "drumbeat.yml";
    private Clock clock = Clock.systemUTC();
    private Optional<MovableClock> manualClock = Optional.empty();
    private String host = "127.0.0.1";
    private int port = 0;
    private Duration retryDelay = Duration.ofSeconds(1);
    private Optional<ChannelDirectory> channels = Optional.empty();
    private Duration slackTimeout = Duration.ofSeconds(10);
    private int postsPerMinute = 600;
    private int concurrentRequests = HttpServer.DEFAULT_CONCURRENT;
    private Duration channelBudget = Duration.ofSeconds(2);
    private Optional<SocketModeSettings> socketMode = Optional.empty();
    private Optional<String> smtpUrl = Optional.empty();

    private Builder(
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
    public Builder configSource(String source) {
      this.configSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the time source; default the system clock in UTC. Without {@link #manualScheduler}, the
     * scheduler still polls every 10 s of real time for what is due at this clock's time (the
     * fan-out benchmark moves a {@link MovableClock} under a polling scheduler).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Makes the job scheduler manual: due jobs run only when the demo or a test calls {@code
     * scheduler().runDue()}, never by polling. {@code clock} also becomes the time source.
     */
    public Builder manualScheduler(MovableClock clock) {
      this.manualClock = Optional.of(clock);
      this.clock = clock;
      return this;
    }

    /** Sets the interface to bind; default {@code 127.0.0.1} ({@code serve} binds 0.0.0.0). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Sets the TCP port; default 0, any free one ({@link Drumbeat#port()} tells which).
     *
     * @throws IllegalArgumentException when not in 0..65535
     */
    public Builder port(int port) {
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
    public Builder retryDelay(Duration delay) {
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("retryDelay must be positive, was " + delay);
      }
      this.retryDelay = delay;
      return this;
    }

    /**
     * Uses these channel ids instead of resolving the configured channels with Slack at start-up
     * (the default, which fails on a channel that does not exist).
     */
    public Builder channels(ChannelDirectory channels) {
      this.channels = Optional.of(channels);
      return this;
    }

    /**
     * Sets how long a Slack Web API call may take to answer before its outcome counts as unknown (a
     * post is then looked for before it is sent again); default 10 s.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder slackTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("slackTimeout must be positive, was " + timeout);
      }
      this.slackTimeout = timeout;
      return this;
    }

    /**
     * Sets the workspace-wide budget of {@code chat.postMessage} calls per minute; default 600
     * (Slack allows about one message a second per channel and "several hundred" a minute per
     * workspace, without a published number; a 429 slows the channel it came from).
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder postsPerMinute(int perMinute) {
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
    public Builder concurrentRequests(int limit) {
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
    public Builder channelBudget(Duration budget) {
      this.channelBudget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /**
     * Also takes Slack's requests over Socket Mode (the same listeners as {@code POST
     * /slack/events}), with an app-level token; default: HTTP only.
     */
    public Builder socketMode(SocketModeSettings settings) {
      this.socketMode = Optional.of(settings);
      return this;
    }

    /**
     * Sends the monthly email through this SMTP server ({@code SMTP_URL}, e.g. {@code
     * smtps://user:password@mail.example.com:465}; a secret, never logged); default: none.
     */
    public Builder smtpUrl(String url) {
      this.smtpUrl = Optional.ofNullable(url).filter(u -> !u.isBlank());
      return this;
    }

    /**
     * The wiring; nothing is started.
     *
     * @throws IllegalStateException when a manual scheduler's clock is not the time source ({@link
     *     #clock} was set after {@link #manualScheduler}), or when there is neither a signing
     *     secret nor Socket Mode (Slack could reach nothing)
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
}
