package io.drumbeat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SignedRequests;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.okr.OkrFeature;
import io.drumbeat.okr.OkrImporter;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.socket.SocketModeSettings;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A whole Drumbeat for end-to-end tests: the real Jetty endpoint on loopback, a Slack Web API
 * double, a database (H2 or embedded PostgreSQL), a manual job scheduler on a movable clock, and
 * requests playing Slack over a {@link Transport}: signed POSTs, or Socket Mode envelopes through
 * the double's WebSocket (two connections, as {@code serve} keeps). Organisation zone
 * America/Los_Angeles, fiscal year from February.
 */
public final class TestSlackApp implements AutoCloseable {
  public static final String SECRET = "test-signing-secret";
  public static final String APP_TOKEN = "xapp-test";

  /** Socket Mode as {@code serve} runs it, except that reconnects start after 20 ms. */
  public static final SocketModeSettings SOCKET =
      SocketModeSettings.of(APP_TOKEN).withRetry(Duration.ofMillis(20), Duration.ofMillis(200));

  public static final String CONFIG =
      """
      timezone: America/Los_Angeles
      fiscalYearStartMonth: 2
      admins: [U0ADMIN1]
      teams:
        - id: distribution
          channel: "#distributioneers"
      okr:
        channel: "#okrs"
        digestChannel: "#vp-sync"
        digestAt: "MON 08:00"
        reminderAt: "FRI 14:00"
      """;

  /** Teams with listed members (Avery is in both) and a holiday, for daily updates. */
  public static final String DAILY_CONFIG =
      """
      timezone: America/Los_Angeles
      fiscalYearStartMonth: 2
      admins: [U0ADMIN1]
      holidays: [2026-11-26]
      teams:
        - id: distribution
          channel: "#distributioneers"
          members: [U0AAA1, U0BBB2, U0CCC3]
          dailyPrompt: "09:30"
          dailyReminder: "15:00"
        - id: payments
          channel: "#payments"
          members: [U0AAA1]
          dailyPrompt: "10:00"
          dailyReminder: "16:00"
      okr:
        digestChannel: "#vp-sync"
      """;

  /** One team, #distributioneers, of exactly {@code members}, prompted 09:30, reminded 15:00. */
  public static String teamConfig(List<String> members) {
    return """
        timezone: America/Los_Angeles
        fiscalYearStartMonth: 2
        admins: [U0ADMIN1]
        teams:
          - id: distribution
            channel: "#distributioneers"
            members: [%s]
            dailyPrompt: "09:30"
            dailyReminder: "15:00"
        okr:
          digestChannel: "#vp-sync"
        """
        .formatted(String.join(", ", members));
  }

  public static final String OKRS =
      """
      quarter: FY2027-Q4
      objectives:
        - key: O1
          title: Search is fast
          keyResults:
            - {key: KR1.1, title: p99 latency under 500 ms, owner: U0AAA1, start: 1200, target: 500, unit: ms}
            - {key: KR1.2, title: Searches on the new index, owner: U0BBB2, start: 40, target: 95, unit: "%"}
        - key: O2
          title: Upgrades without help
          keyResults:
            - {key: KR2.1, title: Self-serve upgrades, owner: U0BBB2, target: 120}
            - {key: KR2.2, title: Upgrade guide for every version, owner: U0CCC3}
      """;

  public final SlackDouble slack;
  public final Database database;
  public final MovableClock clock;
  public final Drumbeat app;
  public final SignedRequests requests;
  public final Transport transport;
  private final String dbUrl;
  private final boolean ownsSlack;

  private TestSlackApp(
      TestDb db,
      String dbUrl,
      MovableClock clock,
      SlackDouble slack,
      String config,
      boolean ownsSlack,
      Transport transport,
      UnaryOperator<WiringBuilder> wiringChange) {
    this.ownsSlack = ownsSlack || dbUrl == null;
    this.slack = slack;
    this.dbUrl = dbUrl;
    this.transport = transport;
    this.database = dbUrl == null ? db.open() : db.reopen(dbUrl);
    this.clock = clock;
    DrumbeatConfig cfg = new ConfigLoader().parse(config, "drumbeat.yml");
    boolean socket = transport == Transport.SOCKET_MODE;
    WiringBuilder wiring =
        Wiring.builder(cfg, database, slack.apiUrl(), "xoxb-test", socket ? null : SECRET)
            .manualScheduler(clock)
            .retryDelay(Duration.ofMillis(5))
            .channelBudget(Duration.ofSeconds(30));
    int connectedBefore = 0;
    if (socket) {
      wiring.socketMode(SOCKET);
      connectedBefore = slack.socketMode().connections().size();
    }
    this.app = new Drumbeat(wiringChange.apply(wiring).build()).start();
    this.requests =
        socket
            ? SignedRequests.overSocketMode(slack, Clock.systemUTC())
            : new SignedRequests(
                URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
                SECRET,
                slack,
                Clock.systemUTC());
    if (socket) {
      awaitSocketConnections(connectedBefore + SOCKET.connections());
    }
  }

  /** Waits until the double has {@code count} Socket Mode connections (at most 10 s). */
  public void awaitSocketConnections(int count) {
    try {
      if (!slack.socketMode().awaitConnections(count, Duration.ofSeconds(10))
          || !app.socketMode()
              .orElseThrow()
              .awaitOpen(SOCKET.connections(), Duration.ofSeconds(10))) {
        throw new AssertionError(
            "expected " + count + " Socket Mode connections: " + slack.socketMode().connections());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The single-mode check-in form filled in for {@code kr}; {@code value} may be null. */
  public static FormValues checkIn(String kr, String status, String value, String confidence) {
    FormValues v =
        new FormValues()
            .select("kr", OkrFeature.KR_SELECT, kr)
            .select("status", "status", status)
            .select("confidence", "confidence", confidence);
    return value == null ? v : v.text("value", "value", value);
  }

  /** A Slack double with the test workspace's people and channels. */
  public static SlackDouble workspace() {
    return workspace(Clock.systemUTC());
  }

  /**
   * The test workspace on a double whose clock is {@code clock} (time-bounded faults, message ts).
   */
  public static SlackDouble workspace(Clock clock) {
    SlackDouble slack = SlackDouble.start(clock);
    slack.addUser("U0AAA1", "Avery Chen", "America/Los_Angeles");
    slack.addUser("U0BBB2", "Sam Okafor", "Pacific/Auckland");
    slack.addUser("U0CCC3", "Rosa Diaz", "Pacific/Honolulu");
    slack.addUser("U0ADMIN1", "Dana Admin", "America/New_York");
    slack.addUser("U0NOKR", "Nora Nokr", "Europe/Berlin");
    slack.addChannel("C0DIST", "distributioneers", false, true);
    slack.addChannel("C0OKRS", "okrs", false, false);
    slack.addChannel("C0VPSYNC", "vp-sync", false, false);
    slack.addChannel("C0RETROS", "retros", false, false);
    slack.addChannel("C0PAYMENTS", "payments", false, true);
    return slack;
  }

  /** Starts on {@code db} at {@code start} with the standard config and OKRs imported. */
  public static TestSlackApp start(TestDb db, ZonedDateTime start) {
    return start(db, start, CONFIG, OKRS);
  }

  /** Like {@link #start(TestDb, ZonedDateTime)}, taking Slack's requests over {@code transport}. */
  public static TestSlackApp start(TestDb db, ZonedDateTime start, Transport transport) {
    return start(db, start, CONFIG, OKRS, transport);
  }

  /** Starts with a given config and OKR file (null: none imported). */
  public static TestSlackApp start(TestDb db, ZonedDateTime start, String config, String okrs) {
    return start(db, start, config, okrs, Transport.HTTP);
  }

  /** Like {@link #start(TestDb, ZonedDateTime, String, String)} over {@code transport}. */
  public static TestSlackApp start(
      TestDb db, ZonedDateTime start, String config, String okrs, Transport transport) {
    MovableClock clock = new MovableClock(start.toInstant());
    SlackDouble slack = workspace(clock);
    TestSlackApp t =
        new TestSlackApp(
            db, null, clock, slack, config, false, transport, UnaryOperator.identity());
    if (okrs != null) {
      new OkrImporter(t.database.jdbi()).importText(okrs, "okrs.yml");
    }
    return t;
  }

  /** Drumbeat started again on an existing database (after downtime), with a new Slack double. */
  public static TestSlackApp restart(TestDb db, String dbUrl, ZonedDateTime start) {
    return restart(db, dbUrl, start, CONFIG);
  }

  /** Like {@link #restart(TestDb, String, ZonedDateTime)} with another config. */
  public static TestSlackApp restart(TestDb db, String dbUrl, ZonedDateTime start, String config) {
    MovableClock clock = new MovableClock(start.toInstant());
    SlackDouble slack = workspace(clock);
    return new TestSlackApp(
        db, dbUrl, clock, slack, config, true, Transport.HTTP, UnaryOperator.identity());
  }

  /**
   * Starts with a given config, no OKRs, and the test wiring changed by {@code wiring}, e.g. {@code
   * b -> b.slackTimeout(Duration.ofMillis(300))}.
   */
  public static TestSlackApp startWith(
      TestDb db, ZonedDateTime start, String config, UnaryOperator<WiringBuilder> wiring) {
    MovableClock clock = new MovableClock(start.toInstant());
    return new TestSlackApp(
        db, null, clock, workspace(clock), config, false, Transport.HTTP, wiring);
  }

  /**
   * Like {@link #secondInstance(TestDb, String)}, with the test wiring changed by {@code wiring}.
   */
  public TestSlackApp secondInstance(
      TestDb db, String config, UnaryOperator<WiringBuilder> wiring) {
    return new TestSlackApp(
        db, dbUrl(), new MovableClock(clock.instant()), slack, config, false, transport, wiring);
  }

  /**
   * A second instance on the same database and the same Slack double (two instances, one DB), over
   * the same transport (over Socket Mode, the double spreads envelopes over both instances).
   */
  public TestSlackApp secondInstance(TestDb db, String config) {
    return new TestSlackApp(
        db,
        dbUrl(),
        new MovableClock(clock.instant()),
        slack,
        config,
        false,
        transport,
        UnaryOperator.identity());
  }

  private String dbUrl() {
    return dbUrl != null
        ? dbUrl
        : database
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

  /** Runs {@code /command text} as {@code user} and waits for the work after the ack. */
  public HttpResponse<String> command(String user, String command, String text) {
    HttpResponse<String> response = requests.command(user, command, text, "C0DIST");
    settle();
    return response;
  }

  /** Submits the most recently opened or updated modal as {@code user}. */
  public HttpResponse<String> submit(String user, FormValues values) {
    HttpResponse<String> response = requests.submitView(user, lastView(), values);
    settle();
    return response;
  }

  /** The latest modal opened or updated, with the id and hash Slack gave it. */
  public JsonNode lastView() {
    return slack.lastView();
  }

  /** Moves the clock to {@code when} in steps of {@code step}, running due jobs at each. */
  public void advanceTo(ZonedDateTime when, Duration step) {
    while (clock.instant().isBefore(when.toInstant())) {
      Instant next = clock.instant().plus(step);
      clock.set(next.isAfter(when.toInstant()) ? when.toInstant() : next);
      runDue();
    }
  }

  /**
   * Moves this instance's and {@code other}'s clocks together to {@code until} in steps of {@code
   * step}, running due jobs on both at once at each step (two instances polling one database).
   */
  public void pollTogether(TestSlackApp other, ZonedDateTime until, Duration step)
      throws InterruptedException {
    while (clock.instant().isBefore(until.toInstant())) {
      Instant next = clock.instant().plus(step);
      clock.set(next);
      other.clock.set(next);
      Thread poller = new Thread(other::runDue);
      poller.start();
      runDue();
      poller.join();
    }
  }

  /** Runs the jobs due at the clock's time and the deliveries they record, until none is due. */
  public void runDue() {
    app.scheduler().runDue();
  }

  /** Runs the deliveries recorded by requests (and anything else due now) until none is left. */
  public void settle() {
    if (!app.awaitIdle()) {
      throw new AssertionError("work due now did not finish");
    }
  }

  /**
   * Lets the clock run, a second at a time, until every delivery recorded so far is done: paced
   * posts to one channel (one a second), batched redraws (10 s) and retries after a failure. Jobs
   * that fall due meanwhile run too.
   *
   * @throws AssertionError when deliveries are still pending after ten minutes
   */
  public void deliverAll() {
    settle();
    for (int second = 0; second < 600; second++) {
      boolean pending =
          database
                  .jdbi()
                  .withHandle(
                      h ->
                          h.createQuery("select count(*) from outbox where state = 'PENDING'")
                              .mapTo(Integer.class)
                              .one())
              > 0;
      if (!pending) {
        return;
      }
      clock.tick(Duration.ofSeconds(1));
      runDue();
    }
    throw new AssertionError("deliveries still pending after ten minutes");
  }

  /** Messages posted to a channel or DM id ({@code D…} for a user's DM). */
  public List<SlackCall> postsTo(String channel) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")))
        .toList();
  }

  /** Messages sent to the DM of {@code userId} (posted to their user id or their DM id). */
  public List<SlackCall> dmsTo(String userId) {
    String dm = "D" + userId.substring(1);
    return slack.calls("chat.postMessage").stream()
        .filter(c -> userId.equals(c.param("channel")) || dm.equals(c.param("channel")))
        .toList();
  }

  @Override
  public void close() {
    app.close();
    database.close();
    if (ownsSlack) {
      slack.close();
    }
  }
}
