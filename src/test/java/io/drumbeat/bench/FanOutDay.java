package io.drumbeat.bench;

import io.drumbeat.daily.DailyFeature;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.schedule.MovableClock;
import io.drumbeat.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One day of {@link FanOutBenchmark}: moves the clock of a running Drumbeat (polling scheduler) to
 * the morning so its planner schedules every member's prompt, then to the prompt time, and measures
 * until every member's DM has arrived at the Slack double and no prompt execution is left.
 */
final class FanOutDay {
  static final LocalTime PROMPT = LocalTime.of(9, 30);
  private static final Duration LIMIT = Duration.ofMinutes(40);
  private final SlackDouble slack;
  private final Database db;
  private final MovableClock clock;
  private final List<String> members;

  FanOutDay(SlackDouble slack, Database db, MovableClock clock, List<String> members) {
    this.slack = slack;
    this.db = db;
    this.clock = clock;
    this.members = members;
  }

  /**
   * Moves to {@code morning} and returns the seconds until the planner has scheduled the day. A
   * planner run still going when the clock jumps ends at the new time and puts its next run 15
   * minutes later, where the stopped clock never gets: so while the day is not planned and the
   * planner is idle, the clock moves on by 15 minutes every 20 seconds (still before 09:30).
   */
  double plan(ZonedDateTime morning) {
    long start = System.nanoTime();
    String day = ":" + morning.toLocalDate();
    BooleanSupplier planned =
        () ->
            count("task_name = ? and task_instance like ?", DailyFeature.PROMPT_TASK, "%" + day)
                >= n();
    clock.set(morning.toInstant());
    for (int quarter = 1; !await(planned, Duration.ofSeconds(20)); ) {
      boolean idle = count("task_name = ? and picked = true", DailyFeature.PLANNER_TASK, null) == 0;
      if (idle && quarter < 12) {
        clock.set(morning.plusMinutes(15L * quarter++).toInstant());
      }
      if (System.nanoTime() - start > LIMIT.toNanos()) {
        throw new IllegalStateException("the day was not planned after " + LIMIT);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Moves to the prompt time of {@code date}, waits until every member has their DM, then prints
   * the figures and whether every member got exactly one prompt (delivered = recorded calls minus
   * those the double answered with a script, e.g. a 429).
   *
   * @return true when every member got exactly one prompt and the ledger has one claim each
   */
  boolean prompt(String title, LocalDate date) {
    Instant phase = Instant.now();
    long start = System.nanoTime();
    clock.set(date.atTime(PROMPT).atZone(FanOutBenchmark.LA).toInstant());
    if (!await(
        () ->
            delivered().size() >= n()
                && count("task_name = ?", DailyFeature.PROMPT_TASK, null) == 0,
        LIMIT)) {
      throw new IllegalStateException("prompts not done after " + LIMIT + ": " + delivered());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<SlackCall> dms =
        slack.calls("chat.postMessage").stream()
            .filter(c -> isMemberDm(c.param("channel")))
            .toList();
    double first = Duration.between(phase, dms.get(0).receivedAt()).toMillis() / 1e3;
    double last = Duration.between(phase, dms.get(dms.size() - 1).receivedAt()).toMillis() / 1e3;
    Map<String, Long> byMethod =
        slack.calls().stream()
            .collect(Collectors.groupingBy(SlackCall::method, TreeMap::new, Collectors.counting()));
    List<String> others =
        slack.calls("chat.postMessage").stream()
            .map(c -> c.param("channel"))
            .filter(c -> !isMemberDm(c))
            .toList();
    Map<String, Long> delivered = delivered();
    long once = delivered.values().stream().filter(v -> v == 1).count();
    int claims =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from daily_notice where kind = 'PROMPT'"
                                + " and local_date = :d")
                        .bind("d", date)
                        .mapTo(Integer.class)
                        .one());
    boolean ok = once == n() && delivered.size() == n() && claims == n();
    System.out.printf(
        "%s%n  prompts: %.1f s from the clock reaching 09:30 until the last DM; first DM after %.1f"
            + " s, last after %.1f s (%.1f s first to last); %.2f DMs/s overall, %.2f DMs/s first"
            + " to last%n  calls by method: %s (answered 429 by the double: %d; posts other than"
            + " prompts: %s)%n"
            + "  check: %d of %d members got exactly one prompt DM, %d DM channels, %d ledger"
            + " claims: %s%n",
        title,
        seconds,
        first,
        last,
        last - first,
        n() / seconds,
        (n() - 1) / Math.max(last - first, 1e-9),
        byMethod,
        slack.scriptedCalls("chat.postMessage").size(),
        others,
        once,
        n(),
        delivered.size(),
        claims,
        ok ? "OK" : "FAILED");
    return ok;
  }

  /** Delivered prompt DMs per member DM channel: recorded posts minus scripted answers. */
  Map<String, Long> delivered() {
    Map<String, Long> delivered = perMemberDm(slack.calls("chat.postMessage"));
    perMemberDm(slack.scriptedCalls("chat.postMessage"))
        .forEach((channel, k) -> delivered.merge(channel, -k, Long::sum));
    delivered.values().removeIf(v -> v == 0);
    return delivered;
  }

  private Map<String, Long> perMemberDm(List<SlackCall> calls) {
    return calls.stream()
        .filter(c -> isMemberDm(c.param("channel")))
        .collect(
            Collectors.groupingBy(c -> c.param("channel"), TreeMap::new, Collectors.counting()));
  }

  private boolean isMemberDm(String channel) {
    return channel != null && channel.startsWith(FanOutBenchmark.DM_PREFIX);
  }

  private int n() {
    return members.size();
  }

  private int count(String where, String a, String b) {
    return db.jdbi()
        .withHandle(
            h -> {
              var q = h.createQuery("select count(*) from scheduled_tasks where " + where);
              q.bind(0, a);
              if (b != null) {
                q.bind(1, b);
              }
              return q.mapTo(Integer.class).one();
            });
  }

  /** A benchmark may wait: polls {@code done} every 50 ms; false when {@code limit} passed. */
  private static boolean await(BooleanSupplier done, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    return true;
  }
}
