package io.drumbeat.bench;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.demo.StoredMessage;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A Drumbeat wired as {@code serve} ({@link BenchApp}: polling scheduler, H2 file database, empty
 * at the start) with a Slack double of MEMBERS people in Los Angeles, both on a {@link JumpClock},
 * for {@link FanOutBenchmark}. A day's prompts are measured from the clock reaching 09:30 (or from
 * {@code /drumbeat prompt daily now}) until every member holds that day's prompt DM and no prompt
 * is left in the outbox.
 */
final class FanOutRun implements AutoCloseable {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final Duration LIMIT = Duration.ofMinutes(10);

  /**
   * One day's figures, in seconds after the start (09:30 or the command); NaN where not applicable.
   *
   * @param ackMillis the command's ack
   * @param lastOther the last DM of everybody but the throttled member
   * @param throttled429 when the throttled member's DM was answered 429
   * @param throttledDm when the throttled member's DM was stored
   * @param calls calls the double recorded that day, by method
   * @param answered429 {@code chat.postMessage} calls answered 429
   * @param ok every member got exactly one prompt and the ledger holds one claim each
   */
  record Day(
      String title,
      double ackMillis,
      double firstDm,
      double lastDm,
      double lastOther,
      double throttled429,
      double throttledDm,
      Map<String, Long> calls,
      long answered429,
      boolean ok,
      double loadAverage) {}

  final SlackDouble slack;
  final double startup;
  private final List<String> members;
  private final JumpClock clock;
  private final BenchApp app;

  private FanOutRun(List<String> members, JumpClock clock, SlackDouble slack, BenchApp app) {
    this.members = members;
    this.clock = clock;
    this.slack = slack;
    this.app = app;
    long begin = System.nanoTime();
    awaitPlanned(LocalDate.now(clock.withZone(LA)));
    this.startup = (System.nanoTime() - begin) / 1e9;
  }

  /**
   * Starts the double and Drumbeat at {@code at}; waits until that day's prompts are planned.
   *
   * @param budget the workspace-wide {@code chat.postMessage} budget a minute ({@code serve}: 600)
   */
  static FanOutRun start(List<String> members, ZonedDateTime at, int budget) {
    JumpClock clock = new JumpClock(at.toInstant());
    SlackDouble slack = SlackDouble.start(clock);
    slack.addChannel("C0DIST", "distributioneers", false, true);
    slack.addChannel("C0VPSYNC", "vp-sync", false, false);
    slack.addUser("U0ADMIN1", "Dana Admin", "America/New_York");
    members.forEach(m -> slack.addUser(m, "Member " + m, LA.getId()));
    BenchApp app =
        BenchApp.start(
            TestSlackApp.teamConfig(members), slack, clock, b -> b.postsPerMinute(budget));
    return new FanOutRun(members, clock, slack, app);
  }

  /** Moves to 06:00 on {@code date}; returns the seconds until that day's prompts are planned. */
  double plan(LocalDate date) {
    clock.jumpTo(date.atTime(6, 0).atZone(LA).toInstant());
    long begin = System.nanoTime();
    awaitPlanned(date);
    return (System.nanoTime() - begin) / 1e9;
  }

  /** Forgets the double's calls and scripts, then lets {@code script} set this day's faults. */
  FanOutRun script(Consumer<SlackDouble> script) {
    slack.clear();
    script.accept(slack);
    return this;
  }

  /** Moves to 09:30 on {@code date} (the team's prompt time) and measures the prompts. */
  Day atPromptTime(String title, LocalDate date, String throttled) {
    Instant start = date.atTime(LocalTime.of(9, 30)).atZone(LA).toInstant();
    clock.jumpTo(start);
    return measure(title, date, start, Double.NaN, throttled);
  }

  /** Sends {@code /drumbeat prompt daily now} as the admin and measures the prompts. */
  Day command(String title) {
    Instant start = clock.instant();
    long begin = System.nanoTime();
    HttpResponse<String> ack;
    try {
      ack = app.requests.command("U0ADMIN1", "/drumbeat", "prompt daily now", "C0DIST");
    } catch (Exception e) {
      throw new IllegalStateException("the command failed", e);
    }
    double ackMillis = (System.nanoTime() - begin) / 1e6;
    if (ack.statusCode() != 200) {
      throw new IllegalStateException("the command was not acked: " + ack.body());
    }
    return measure(title, LocalDate.now(clock.withZone(LA)), start, ackMillis, null);
  }

  private Day measure(String title, LocalDate date, Instant start, double ack, String throttled) {
    String pending =
        "outbox where state = 'PENDING' and delivery_key like 'daily-prompt:%:" + date + "'";
    await(() -> members.stream().allMatch(m -> !since(m, start).isEmpty()) && count(pending) == 0);
    double first = Double.MAX_VALUE;
    double last = 0;
    double lastOther = 0;
    double throttledDm = Double.NaN;
    long once = 0;
    for (String m : members) {
      List<StoredMessage> got = since(m, start);
      once += got.size() == 1 ? 1 : 0;
      double at = seconds(start, ts(got.get(0).ts()));
      first = Math.min(first, at);
      last = Math.max(last, at);
      if (m.equals(throttled)) {
        throttledDm = at;
      } else {
        lastOther = Math.max(lastOther, at);
      }
    }
    List<SlackCall> scripted = slack.scriptedCalls("chat.postMessage");
    double throttled429 =
        throttled == null || scripted.isEmpty()
            ? Double.NaN
            : seconds(start, scripted.get(0).receivedAt());
    int claims = count("daily_notice where kind = 'PROMPT' and local_date = '" + date + "'");
    boolean ok = once == members.size() && claims == members.size();
    if (!ok) {
      System.out.printf(
          "  CHECK FAILED: %d of %d got exactly one DM; %d ledger claims%n",
          once, members.size(), claims);
    }
    Map<String, Long> calls =
        slack.calls().stream()
            .collect(Collectors.groupingBy(SlackCall::method, TreeMap::new, Collectors.counting()));
    return new Day(
        title,
        ack,
        first,
        last,
        throttled == null ? Double.NaN : lastOther,
        throttled429,
        throttledDm,
        calls,
        scripted.size(),
        ok,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private List<StoredMessage> since(String member, Instant start) {
    return slack.messages(member).stream().filter(m -> !ts(m.ts()).isBefore(start)).toList();
  }

  private void awaitPlanned(LocalDate date) {
    String planned =
        "scheduled_tasks where task_name = 'daily-prompt' and task_instance like '%:" + date + "'";
    // and nothing running: a jump past a running execution's heartbeat would make it look dead
    await(() -> count(planned) >= members.size() && count("scheduled_tasks where picked") == 0);
  }

  private int count(String from) {
    return app.count(from);
  }

  private static Instant ts(String ts) {
    String[] parts = ts.split("\\.");
    return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]) * 1000);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }

  /** A benchmark may wait: polls {@code done} every 100 ms, for at most {@link #LIMIT}. */
  private static void await(BooleanSupplier done) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("not done within " + LIMIT);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  /** Stops Drumbeat and the double; deletes the database. */
  @Override
  public void close() {
    app.close();
    slack.close();
  }
}
