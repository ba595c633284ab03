package io.drumbeat.socket;

import java.time.Duration;
import java.util.Objects;

/**
 * How Drumbeat talks to Slack over Socket Mode.
 *
 * @param appToken the app-level token ({@code xapp-…}, scope {@code connections:write}); never
 *     logged
 * @param connections WebSocket connections kept open at once; Slack recommends more than one, so
 *     that one can be refreshed while another carries the traffic (default {@value #CONNECTIONS})
 * @param firstRetry delay before the first reconnect after a dropped connection or a failed {@code
 *     apps.connections.open}; it doubles with each failure in a row (default 1 s)
 * @param maxRetry the longest delay between two attempts (default 1 min)
 * @param grace how long no connection may be open before {@code /healthz} answers 503 (default 10
 *     s): a refresh or a short drop does not make the service look down
 * @param helloTimeout how long a new WebSocket may stay silent before it is given up on: Slack
 *     greets every working connection with {@code hello} (default 10 s)
 */
public record SocketModeSettings(
    String appToken,
    int connections,
    Duration firstRetry,
    Duration maxRetry,
    Duration grace,
    Duration helloTimeout) {

  /** Connections kept open by default, as Slack recommends for reconnects without loss. */
  public static final int CONNECTIONS = 2;

  /**
   * @throws NullPointerException when a field is null
   * @throws IllegalArgumentException when {@code appToken} is blank, {@code connections} is not
   *     1..10 (Slack allows 10 per app), or a duration is not positive
   */
  public SocketModeSettings {
    Objects.requireNonNull(appToken, "appToken");
    if (appToken.isBlank()) {
      throw new IllegalArgumentException("appToken must not be blank");
    }
    if (connections < 1 || connections > 10) {
      throw new IllegalArgumentException("connections must be 1..10, was " + connections);
    }
    for (Duration d : new Duration[] {firstRetry, maxRetry, grace, helloTimeout}) {
      if (Objects.requireNonNull(d, "duration").isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive, was " + d);
      }
    }
  }

  /** The defaults {@code serve} uses, with {@code appToken}. */
  public static SocketModeSettings of(String appToken) {
    return new SocketModeSettings(
        appToken,
        CONNECTIONS,
        Duration.ofSeconds(1),
        Duration.ofMinutes(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10));
  }

  /** These settings with other reconnect delays (tests make them short). */
  public SocketModeSettings withRetry(Duration first, Duration max) {
    return new SocketModeSettings(appToken, connections, first, max, grace, helloTimeout);
  }

  /** The delay before attempt {@code failures + 1}: doubling from {@link #firstRetry}, capped. */
  Duration retryAfter(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 20));
    Duration delay = firstRetry.multipliedBy(1L << doublings);
    return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
  }

  @Override
  public String toString() {
    return "SocketModeSettings[connections=" + connections + ", grace=" + grace + "]";
  }
}
