package io.drumbeat.socket;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import io.drumbeat.DrumbeatException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Drumbeat's Slack transport without a public URL: {@link SocketModeSettings#connections()}
 * WebSocket connections opened with {@code apps.connections.open} (a Web API method, so {@code
 * SLACK_API_URL} governs it too), kept open by a {@link Supervisor}, each envelope run through the
 * same Bolt {@link App} as {@code POST /slack/events} and acked with its {@code envelope_id} (see
 * {@link EnvelopeRunner}). Slack's Socket Mode protocol: https://api.slack.com/apis/socket-mode.
 *
 * <p>Bolt's {@code SocketModeApp} is not used for the connections themselves: its Java-WebSocket
 * client acks on whichever connection is newest (an ack can be lost while a refreshed connection is
 * replaced), keeps one connection, and stops reconnecting for good once {@code
 * apps.connections.open} answers {@code ok:false}. Its request parser is used, so envelopes become
 * exactly the requests Bolt would build.
 */
public final class SocketMode implements AutoCloseable {
  /** How long {@link #close()} lets envelopes being handled finish and be acked. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final SocketHealth health;
  private final Supervisor supervisor;
  private final EnvelopeRunner runner;

  /**
   * Prepares Socket Mode; nothing connects until {@link #start()}.
   *
   * @param app the Bolt app with every listener registered (shared with the HTTP endpoint)
   * @param slack the SDK entry point whose Web API URL and timeouts {@code apps.connections.open}
   *     uses
   * @param settings the app-level token and how to connect
   * @param clock the time source of the health grace period
   * @param concurrency envelopes handled at once
   */
  public SocketMode(
      App app, Slack slack, SocketModeSettings settings, Clock clock, int concurrency) {
    this.health = new SocketHealth(clock, settings.grace());
    this.supervisor = new Supervisor(() -> open(slack, settings.appToken()), settings, health);
    this.runner = new EnvelopeRunner(app, concurrency, supervisor::links);
  }

  private static URI open(Slack slack, String appToken) {
    AppsConnectionsOpenResponse response;
    try {
      response = slack.methods().appsConnectionsOpen(r -> r.token(appToken));
    } catch (SlackApiException e) {
      throw new DrumbeatException(
          "apps.connections.open answered HTTP " + e.getResponse().code(), e);
    } catch (IOException e) {
      throw new DrumbeatException("apps.connections.open failed: " + e.getMessage(), e);
    }
    if (!response.isOk() || response.getUrl() == null) {
      throw new DrumbeatException(
          "apps.connections.open answered ok:false, error " + response.getError());
    }
    return URI.create(response.getUrl());
  }

  /** Starts connecting in the background; returns at once. */
  public SocketMode start() {
    supervisor.start(runner);
    return this;
  }

  /** Whether Slack can reach Drumbeat over Socket Mode (for {@code /healthz}). */
  public SocketHealth health() {
    return health;
  }

  /**
   * Stops taking envelopes, lets those being handled be acked (up to {@link #STOP_TIMEOUT}), then
   * closes every connection without reopening any.
   */
  @Override
  public void close() {
    runner.close(STOP_TIMEOUT);
    supervisor.close(STOP_TIMEOUT);
  }
}
