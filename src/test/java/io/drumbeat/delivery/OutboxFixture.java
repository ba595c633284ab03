package io.drumbeat.delivery;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.schedule.JobScheduler;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The outbox alone, as one Drumbeat instance would run it: a database, the Slack Web API double,
 * deliveries on a manual db-scheduler moved by a {@link MovableClock}. Failed rows are collected
 * instead of being told to admins.
 */
final class OutboxFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-30T17:00:00Z");

  final MovableClock clock;
  final SlackDouble slack;
  final Database database;
  final Outbox outbox;
  final JobScheduler scheduler;
  final List<String> failures = new ArrayList<>();
  final Map<String, String> dms = new ConcurrentHashMap<>();

  OutboxFixture(TestDb db) {
    this(db, null, null, Duration.ofSeconds(10));
  }

  private OutboxFixture(TestDb db, String url, SlackDouble shared, Duration readTimeout) {
    clock = new MovableClock(START);
    slack = shared != null ? shared : SlackDouble.start(clock);
    if (shared == null) {
      slack.addUser("U0AAA1", "Avery Chen", "America/Los_Angeles");
      slack.addUser("U0BBB2", "Sam Okafor", "Pacific/Auckland");
      slack.addChannel("C0DIST", "distributioneers", false, true);
      slack.addChannel("C0OKRS", "okrs", false, true);
      slack.addChannel("G0SECRET", "secret", true, false);
    }
    database = url == null ? db.open() : db.reopen(url);
    outbox = new Outbox(clock);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis((int) readTimeout.toMillis());
    Deliveries deliveries =
        new Deliveries(
            database.jdbi(),
            outbox,
            Slack.getInstance(config),
            "xoxb-test",
            clock,
            Duration.ofSeconds(1),
            600,
            (h, row, error) -> failures.add(row.deliveryKey() + " " + error),
            user -> Optional.ofNullable(dms.get(user)),
            dms::put);
    scheduler =
        JobScheduler.manual(
            database.dataSource(),
            List.of(deliveries.task()),
            List.of(),
            List.of(deliveries.sweeper()),
            clock);
    scheduler.start();
    deliveries.attach(scheduler.client(), scheduler::wake);
  }

  /** A second instance on the same database and Slack double. */
  OutboxFixture second(TestDb db) {
    return new OutboxFixture(db, url(), slack, Duration.ofSeconds(10));
  }

  /** An instance whose Slack client gives up reading an answer after {@code timeout}. */
  static OutboxFixture withReadTimeout(TestDb db, Duration timeout) {
    return new OutboxFixture(db, null, null, timeout);
  }

  String url() {
    return database
        .jdbi()
        .withHandle(
            h -> {
              try {
                return h.getConnection().getMetaData().getURL();
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** Records {@code delivery} in a transaction of its own. */
  void record(Delivery delivery) {
    database.jdbi().useTransaction(h -> outbox.enqueue(h, delivery));
  }

  /** Asks for a drawn delivery in a transaction of its own. */
  void draw(Delivery delivery) {
    database.jdbi().useTransaction(h -> outbox.draw(h, delivery));
  }

  /** Runs whatever is due now. */
  void runDue() {
    scheduler.runDue();
  }

  /** Moves the clock in steps of {@code step} until {@code total} has passed, running due work. */
  void advance(Duration total, Duration step) {
    Instant end = clock.instant().plus(total);
    while (clock.instant().isBefore(end)) {
      clock.tick(step);
      scheduler.runDue();
    }
  }

  OutboxRow row(String key) {
    return database.jdbi().onDemand(OutboxRepository.class).find(key).orElseThrow();
  }

  List<SlackCall> posts(String channel) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")))
        .toList();
  }

  void inTransaction(java.util.function.Consumer<Handle> work) {
    database.jdbi().useTransaction(work::accept);
  }

  @Override
  public void close() {
    scheduler.close();
    database.close();
  }

  /** Closes the double too (the first instance owns it). */
  void closeAll() {
    close();
    slack.close();
  }
}
