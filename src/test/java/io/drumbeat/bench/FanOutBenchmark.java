package io.drumbeat.bench;

import io.drumbeat.Drumbeat;
import io.drumbeat.TestSlackApp;
import io.drumbeat.Wiring;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Not a test (surefire skips {@code *Benchmark}); run with {@code scripts/fanout-benchmark.sh [N]
 * [EVERY]}. Prompts a team of N members (default 500) through the production path: an in-process
 * Drumbeat with {@code serve}'s polling scheduler (8 threads, 10 s polling) on an H2 file database,
 * the SDK's rate-limit-aware client, and the Slack double over loopback HTTP. The clock is a {@link
 * MovableClock} moved to each morning (the planner schedules the day's prompts) and then to 09:30.
 *
 * <p>(a) Cold first day: every profile is read ({@code users.info}, Tier 4) and every DM opened
 * ({@code conversations.open}, Tier 3). (b) A warm day: DM channels known, profiles fresh (the
 * benchmark marks them read that morning, as the planner's daily refresh would). (c) Warm again
 * while the double answers every EVERY-th (default 20th) {@code chat.postMessage} with 429 and
 * {@code Retry-After: 1}. Each day checks that every member got exactly one prompt DM.
 */
public final class FanOutBenchmark {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final String DM_PREFIX = "D0N";
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int every = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.printf(
        "Machine: %d CPUs, Java %s, %s %s; load average %.2f; %d members, 429 on every %d-th"
            + " post in (c)%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        n,
        every);
    List<String> members =
        IntStream.range(0, n).mapToObj(i -> String.format("U0N%04d", i)).toList();
    Path dir = Files.createTempDirectory("drumbeat-fanout");
    SlackDouble slack = SlackDouble.start();
    slack.addChannel("C0DIST", "distributioneers", false, true);
    slack.addChannel("C0VPSYNC", "vp-sync", false, false);
    slack.addUser("U0ADMIN1", "Dana Admin", "America/New_York");
    members.forEach(m -> slack.addUser(m, "Member " + m, LA.getId()));
    Database db = Database.open(DbSettings.h2File(dir.resolve("drumbeat")), null, null);
    MovableClock clock = new MovableClock(morning(MONDAY).toInstant());
    Drumbeat app =
        new Drumbeat(
            wiring(
                new ConfigLoader().parse(TestSlackApp.teamConfig(members), "drumbeat.yml"),
                db,
                clock,
                slack));
    FanOutDay day = new FanOutDay(slack, db, clock, members);
    boolean ok = true;

    System.out.printf("%n== (a) Cold first day: no profile cached, no DM channel known ==%n");
    long start = System.nanoTime();
    app.start(); // the planner runs at once
    day.plan(morning(MONDAY));
    System.out.printf(
        "  planning: %.1f s from start until every prompt was scheduled; the planner read every"
            + " profile (%d users.info, Tier 4)%n",
        (System.nanoTime() - start) / 1e9, slack.calls("users.info").size());
    slack.clear();
    ok &= day.prompt("  cold day (conversations.open, Tier 3, then chat.postMessage)", MONDAY);

    System.out.printf("%n== (b) Warm day: DM channels known, profiles fresh ==%n");
    warm(db, slack, day, MONDAY.plusDays(1));
    ok &= day.prompt("  warm day (chat.postMessage only)", MONDAY.plusDays(1));

    System.out.printf(
        "%n== (c) Warm day, every %d-th post answered 429 Retry-After: 1 ==%n", every);
    warm(db, slack, day, MONDAY.plusDays(2));
    slack.failEvery("chat.postMessage", every, 429, Map.of("Retry-After", "1"), "");
    ok &= day.prompt("  warm day with 429s", MONDAY.plusDays(2));

    System.out.printf("%nAll days: %s%n", ok ? "every member got exactly one prompt" : "FAILED");
    app.close(); // the scheduler waits for nothing: every prompt is done
    db.close();
    slack.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    System.exit(ok ? 0 : 1);
  }

  /** Marks every profile read that morning (the planner's daily refresh), then plans the day. */
  private static void warm(Database db, SlackDouble slack, FanOutDay day, LocalDate date) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate("update slack_user set fetched_at = :at")
                    .bind("at", morning(date).toInstant())
                    .execute());
    System.out.printf("  planning: %.1f s%n", day.plan(morning(date)));
    slack.clear();
  }

  private static ZonedDateTime morning(LocalDate date) {
    return date.atTime(6, 0).atZone(LA);
  }

  private static Wiring wiring(
      DrumbeatConfig config, Database db, MovableClock clock, SlackDouble slack) {
    // As serve wires it, except the clock: a polling scheduler on a clock the benchmark moves.
    return Wiring.builder(config, db, slack.apiUrl(), "xoxb-bench", "bench-secret")
        .clock(clock)
        .build();
  }
}
