package io.drumbeat;

import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Drumbeat as a test deploys it on {@code db}: one {@link TestSlackApp} on H2, two instances on one
 * PostgreSQL database sharing one Slack double. Requests go to the instances in turn ({@link
 * #next()}), and time moves for both at once while both run their due work side by side, as two
 * polling instances would.
 */
public final class TestInstances implements AutoCloseable {
  private final List<TestSlackApp> instances = new ArrayList<>();
  private int turn;

  private TestInstances() {}

  /**
   * Starts one instance on H2, two on PostgreSQL, at {@code start} with {@code config}, no OKRs and
   * the test wiring changed by {@code wiring}.
   */
  public static TestInstances start(
      TestDb db, ZonedDateTime start, String config, UnaryOperator<WiringBuilder> wiring) {
    TestInstances all = new TestInstances();
    TestSlackApp first = TestSlackApp.startWith(db, start, config, wiring);
    all.instances.add(first);
    if (db == TestDb.POSTGRES) {
      all.instances.add(first.secondInstance(db, config, wiring));
    }
    return all;
  }

  /** Like {@link #start(TestDb, ZonedDateTime, String, UnaryOperator)} with the test wiring. */
  public static TestInstances start(TestDb db, ZonedDateTime start, String config) {
    return start(db, start, config, UnaryOperator.identity());
  }

  /** The instance the next request goes to: the two take turns. */
  public TestSlackApp next() {
    TestSlackApp next = instances.get(turn % instances.size());
    turn++;
    return next;
  }

  /** The first instance (its database and clock stand for all). */
  public TestSlackApp first() {
    return instances.get(0);
  }

  /** The Slack double they share. */
  public SlackDouble slack() {
    return first().slack;
  }

  /** The time now. */
  public Instant now() {
    return first().clock.instant();
  }

  /** Runs the jobs and deliveries due now on every instance at once. */
  public void runDue() {
    each(TestSlackApp::runDue);
  }

  /** Moves every instance's clock to {@code when} in steps of {@code step}, running due work. */
  public void advanceTo(Instant when, Duration step) {
    while (now().isBefore(when)) {
      Instant next = now().plus(step);
      Instant at = next.isAfter(when) ? when : next;
      instances.forEach(i -> i.clock.set(at));
      runDue();
    }
  }

  /** Like {@link #advanceTo(Instant, Duration)}. */
  public void advanceTo(ZonedDateTime when, Duration step) {
    advanceTo(when.toInstant(), step);
  }

  /**
   * Lets the clocks run a second at a time, both instances delivering, until no outbox row is
   * pending (as {@link TestSlackApp#deliverAll()}).
   *
   * @throws AssertionError when deliveries are still pending after ten minutes
   */
  public void deliverAll() {
    runDue();
    Instant end = now().plus(Duration.ofMinutes(10));
    while (pending() > 0) {
      if (!now().isBefore(end)) {
        throw new AssertionError("deliveries still pending after ten minutes");
      }
      advanceTo(now().plusSeconds(1), Duration.ofSeconds(1));
    }
  }

  private int pending() {
    return first()
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from outbox where state = 'PENDING'")
                    .mapTo(Integer.class)
                    .one());
  }

  private void each(Consumer<TestSlackApp> work) {
    List<CompletableFuture<Void>> running =
        instances.stream()
            .skip(1)
            .map(i -> CompletableFuture.runAsync(() -> work.accept(i)))
            .toList();
    work.accept(first());
    running.forEach(CompletableFuture::join);
  }

  @Override
  public void close() {
    for (int i = instances.size() - 1; i >= 0; i--) {
      instances.get(i).close();
    }
  }
}
