package io.drumbeat.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * A database health check that is cheap and bounded, for {@code GET /healthz}.
 *
 * <p>One probe at a time runs on its own thread: it borrows one pooled connection and asks {@link
 * Connection#isValid(int)}. Its answer is reused for {@code maxAge}; callers in that time do not
 * touch the database. A caller that needs a fresh answer waits at most {@code wait} for the one
 * probe in flight (started by whichever caller came first) and otherwise answers "unhealthy". So
 * any number of concurrent health checks hold at most one connection, and none blocks for longer
 * than {@code wait}, even while the pool is exhausted and the probe itself waits for HikariCP's
 * connection timeout.
 */
public final class HealthProbe implements AutoCloseable {
  private final DataSource dataSource;
  private final Clock clock;
  private final Duration wait;
  private final Duration maxAge;
  private final ExecutorService prober =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "drumbeat-health-probe");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Boolean> latest;
  private Instant latestStarted;
  private boolean closed;

  /**
   * @param dataSource the pool to probe
   * @param clock ages the last answer
   * @param wait the longest a caller waits for a probe in flight, e.g. 500 ms
   * @param maxAge how long an answer is reused, e.g. one second
   */
  public HealthProbe(DataSource dataSource, Clock clock, Duration wait, Duration maxAge) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.wait = wait;
    this.maxAge = maxAge;
  }

  /**
   * Whether the database answered the latest probe; returns within about {@code wait}.
   *
   * @return false when the probe failed, is still waiting for a connection after {@code wait}, or
   *     this probe is closed
   */
  public boolean isHealthy() {
    CompletableFuture<Boolean> probe = current();
    try {
      return probe.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized CompletableFuture<Boolean> current() {
    if (closed) {
      return CompletableFuture.completedFuture(false);
    }
    Instant now = clock.instant();
    if (latest == null || (latest.isDone() && isStale(now))) {
      latestStarted = now;
      latest = CompletableFuture.supplyAsync(this::probe, prober);
    }
    return latest;
  }

  private boolean isStale(Instant now) {
    Duration age = Duration.between(latestStarted, now);
    return age.isNegative() || age.compareTo(maxAge) >= 0;
  }

  private boolean probe() {
    int seconds = (int) Math.max(1, (wait.toMillis() + 999) / 1000);
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(seconds);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Stops probing; later checks answer false at once. */
  @Override
  public synchronized void close() {
    closed = true;
    prober.shutdownNow();
  }
}
