package io.drumbeat.bench;

import io.drumbeat.bench.FanOutRun.Day;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Not a test (surefire skips {@code *Benchmark}); run with {@code scripts/fanout-benchmark.sh
 * [MEMBERS (500)] [EVERY (7)] [RETRY_AFTER (30)] [LATENCY_MS (250)] [BUDGET (600)]}. The
 * daily-prompt fan-out to one team of MEMBERS people, through {@code serve}'s polling scheduler,
 * outbox and pacing, against the Slack double over loopback, on a clock that runs at real speed
 * ({@link FanOutRun}):
 *
 * <ol>
 *   <li>(a) an empty database, Tuesday 08:00: an admin sends {@code /drumbeat prompt daily now};
 *   <li>(b) a new empty database, the first 09:30 (Tuesday) after start-up;
 *   <li>(c) Wednesday 09:30 on the same database (warm: profiles known, JVM warm);
 *   <li>(d) Thursday 09:30, every EVERY-th {@code chat.postMessage} answered 429 {@code
 *       Retry-After: 1};
 *   <li>(e) Friday 09:30, one member's DM answering their first post 429 {@code Retry-After:
 *       RETRY_AFTER};
 *   <li>(f) Monday 09:30, every post answered after LATENCY_MS (Slack-like round trips).
 * </ol>
 *
 * <p>BUDGET is the workspace-wide {@code chat.postMessage} budget a minute ({@code serve}'s
 * default, 600); a large one shows what Drumbeat itself costs apart from pacing.
 */
public final class FanOutBenchmark {
  private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

  private FanOutBenchmark() {}

  /**
   * Runs the six days and prints one line each, then a Markdown table; exits 1 when a member did
   * not get exactly one prompt on some day.
   *
   * @param args {@code [MEMBERS] [EVERY] [RETRY_AFTER] [LATENCY_MS] [BUDGET]}, see the class
   *     comment
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int every = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int retryAfter = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int latencyMs = args.length > 3 ? Integer.parseInt(args[3]) : 250;
    int budget = args.length > 4 ? Integer.parseInt(args[4]) : 600;
    System.out.printf(
        "Machine: %d CPUs, Java %s; load average %.2f at the start; %d members; budget %d/min%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        n,
        budget);
    List<String> members =
        IntStream.range(0, n).mapToObj(i -> String.format("U0N%04d", i)).toList();
    String throttled = members.get(n / 2);
    List<Day> days = new ArrayList<>();
    try (FanOutRun run =
        FanOutRun.start(members, TUESDAY.atTime(8, 0).atZone(FanOutRun.LA), budget)) {
      System.out.printf("(a) start-up until the day was planned: %.1f s%n", run.startup);
      days.add(print(run.script(s -> {}).command("(a) `/drumbeat prompt daily now`, empty DB")));
    }
    try (FanOutRun run =
        FanOutRun.start(members, TUESDAY.atTime(8, 0).atZone(FanOutRun.LA), budget)) {
      System.out.printf("(b) start-up until the day was planned: %.1f s%n", run.startup);
      days.add(print(run.script(s -> {}).atPromptTime("(b) first 09:30, cold", TUESDAY, null)));
      run.script(s -> {});
      day(run, TUESDAY.plusDays(1), days, "(c) next 09:30, warm", null);
      run.script(s -> s.failEvery("chat.postMessage", every, 429, Map.of("Retry-After", "1"), ""));
      day(
          run,
          TUESDAY.plusDays(2),
          days,
          "(d) every " + every + "th post 429 Retry-After: 1",
          null);
      run.script(s -> s.rateLimitChannel(throttled, retryAfter, 1));
      String title = "(e) " + throttled + "'s DM 429 Retry-After: " + retryAfter;
      day(run, TUESDAY.plusDays(3), days, title, throttled);
      run.script(s -> s.delayAnswers("chat.postMessage", Duration.ofMillis(latencyMs)));
      day(run, TUESDAY.plusDays(6), days, "(f) every answer after " + latencyMs + " ms", null);
    }
    table(days, n, budget / 60.0);
    boolean ok = days.stream().allMatch(Day::ok);
    System.out.printf("%nAll days: %s%n", ok ? "every member got exactly one prompt" : "FAILED");
    System.exit(ok ? 0 : 1);
  }

  /** Plans {@code date} (scripts set before stay), then measures its 09:30 prompts. */
  private static void day(FanOutRun run, LocalDate date, List<Day> days, String title, String who) {
    System.out.printf("%s: planned in %.1f s%n", title, run.plan(date));
    days.add(print(run.atPromptTime(title, date, who)));
  }

  private static Day print(Day d) {
    System.out.printf(
        Locale.ROOT,
        "%s: first DM %.2f s, last DM %.2f s; calls %s; 429s %d; load %.2f; %s%n",
        d.title(),
        d.firstDm(),
        d.lastDm(),
        d.calls(),
        d.answered429(),
        d.loadAverage(),
        d.ok() ? "OK" : "FAILED");
    return d;
  }

  private static void table(List<Day> days, int n, double budgetPerSecond) {
    System.out.printf(
        "%n| Run | To last DM | First DM | DMs/s first to last (÷ budget) | chat.postMessage (429)"
            + " | conversations.open | users.info | users.list | Load |%n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |%n");
    for (Day d : days) {
      String last =
          Double.isNaN(d.throttledDm())
              ? String.format(Locale.ROOT, "%.1f s", d.lastDm())
              : String.format(
                  Locale.ROOT,
                  "others %.1f s; throttled: 429 at %.1f s, DM at %.1f s",
                  d.lastOther(),
                  d.throttled429(),
                  d.throttledDm());
      double end = Double.isNaN(d.throttledDm()) ? d.lastDm() : d.lastOther();
      double rate = (n - 1) / Math.max(end - d.firstDm(), 1e-9);
      System.out.printf(
          Locale.ROOT,
          "| %s%s | %s | %.2f s | %.1f (%.2f) | %d (%d) | %d | %d | %d | %.2f |%n",
          d.title(),
          Double.isNaN(d.ackMillis())
              ? ""
              : String.format(Locale.ROOT, " (ack %.0f ms)", d.ackMillis()),
          last,
          d.firstDm(),
          rate,
          rate / budgetPerSecond,
          d.calls().getOrDefault("chat.postMessage", 0L),
          d.answered429(),
          d.calls().getOrDefault("conversations.open", 0L),
          d.calls().getOrDefault("users.info", 0L),
          d.calls().getOrDefault("users.list", 0L),
          d.loadAverage());
    }
  }
}
