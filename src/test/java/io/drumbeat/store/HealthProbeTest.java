package io.drumbeat.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.schedule.MovableClock;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The health probe on a data source whose connections can be held back. */
class HealthProbeTest {
  static final Duration WAIT = Duration.ofMillis(200);
  final MovableClock clock = new MovableClock(Instant.parse("2026-11-18T18:00:00Z"));
  final AtomicInteger borrowed = new AtomicInteger();
  final CountDownLatch poolFrees = new CountDownLatch(1);

  @Test
  void concurrent_checks_while_no_connection_is_free_borrow_once_and_answer_within_the_wait()
      throws Exception {
    try (HealthProbe probe = new HealthProbe(pool(), clock, WAIT, Duration.ofSeconds(1))) {
      List<CompletableFuture<Long>> checks = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        checks.add(CompletableFuture.supplyAsync(() -> timedFalse(probe)));
      }
      for (CompletableFuture<Long> check : checks) {
        assertThat(check.get()).isNotNegative().isLessThan(Duration.ofMillis(1000).toNanos());
      }
      assertThat(borrowed).hasValue(1);

      poolFrees.countDown();
      assertThat(probe.isHealthy()).isTrue();
      assertThat(borrowed).hasValue(1);
    }
  }

  @Test
  void an_answer_is_reused_for_a_second_then_the_database_is_asked_again() {
    poolFrees.countDown();
    try (HealthProbe probe = new HealthProbe(pool(), clock, WAIT, Duration.ofSeconds(1))) {
      for (int i = 0; i < 100; i++) {
        assertThat(probe.isHealthy()).isTrue();
      }
      assertThat(borrowed).hasValue(1);

      clock.tick(Duration.ofMillis(999));
      assertThat(probe.isHealthy()).isTrue();
      assertThat(borrowed).hasValue(1);

      clock.tick(Duration.ofMillis(1));
      assertThat(probe.isHealthy()).isTrue();
      assertThat(borrowed).hasValue(2);
    }
  }

  @Test
  void a_closed_probe_answers_false_at_once() {
    poolFrees.countDown();
    HealthProbe probe = new HealthProbe(pool(), clock, WAIT, Duration.ofSeconds(1));
    assertThat(probe.isHealthy()).isTrue();

    probe.close();

    assertThat(probe.isHealthy()).isFalse();
  }

  /** -1 when the probe answered true; otherwise how long a false answer took, in nanoseconds. */
  private static long timedFalse(HealthProbe probe) {
    long started = System.nanoTime();
    return probe.isHealthy() ? -1 : System.nanoTime() - started;
  }

  /** A data source whose getConnection waits until {@link #poolFrees}, counting borrowers. */
  private DataSource pool() {
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("isValid") ? Boolean.TRUE : null);
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
              }
              borrowed.incrementAndGet();
              if (!poolFrees.await(30, TimeUnit.SECONDS)) {
                throw new java.sql.SQLTransientConnectionException("timed out");
              }
              return connection;
            });
  }
}
