package io.drumbeat.bench;

import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Part of {@link AckLatencyBenchmark}: {@code drumbeat serve} as a subprocess ({@link
 * ServeProcess}) against a Slack double with CHANNELS channels (default 5,000), configured with
 * {@code drumbeat.example.yml} (every channel by {@code #name}; the four named channels come last
 * in {@code conversations.list}, so the lookup must read every page). Measured from {@code
 * ProcessBuilder.start()} to the first 200 from {@code /healthz}: cold (empty database, names
 * unknown), then warm (same database, the names cached in {@code slack_channel} by the cold start).
 */
final class ServeStartup {
  private static final List<String> NAMED =
      List.of("distributioneers", "okrs", "vp-sync", "retros");

  /** One start: when it was healthy, and what it asked Slack about channels meanwhile. */
  private record Start(
      long healthyMillis, double cpu, double lastListPage, int listCalls, int infoCalls) {}

  private ServeStartup() {}

  static void run(int runs, int channels) throws Exception {
    System.out.printf(
        "%n== serve start-up against %,d channels: ProcessBuilder.start() to the first 200 from"
            + " /healthz, %d runs ==%n",
        channels, runs);
    long[] cold = new long[runs];
    long[] warm = new long[runs];
    try (SlackDouble slack = SlackDouble.start()) {
      for (String user : List.of("U0AAA1", "U0BBB2", "U0ADMIN1")) {
        slack.addUser(user, "Person " + user, "America/Los_Angeles");
      }
      for (int i = 0; i < channels - NAMED.size(); i++) {
        slack.addChannel(String.format("C0F%05d", i), "project-" + i, false, false);
      }
      for (String name : NAMED) {
        slack.addChannel("C0" + name.toUpperCase(Locale.ROOT).replace("-", ""), name, false, true);
      }
      for (int run = 0; run < runs; run++) {
        Path dir = Files.createTempDirectory("drumbeat-serve");
        slack.clear();
        Start c = start(slack, dir, (channels + 999) / 1000, run == 0);
        int cached = cachedChannels(dir);
        slack.clear();
        Start w = start(slack, dir, 0, run == 0);
        cold[run] = c.healthyMillis();
        warm[run] = w.healthyMillis();
        System.out.printf(
            Locale.ROOT,
            "run %d: cold healthy after %d ms, %.2f s CPU (conversations.list: %d pages, the last"
                + " %.2f s after start; %,d channels cached); warm healthy after %d ms, %.2f s CPU"
                + " (%d conversations.list, %d conversations.info)%n",
            run + 1,
            c.healthyMillis(),
            c.cpu(),
            c.listCalls(),
            c.lastListPage(),
            cached,
            w.healthyMillis(),
            w.cpu(),
            w.listCalls(),
            w.infoCalls());
        BenchApp.deleteTree(dir);
      }
    }
    System.out.println("cold: " + summary(cold) + "; warm: " + summary(warm));
  }

  private static String summary(long[] millis) {
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    return String.format(
        "median %d ms (min %d, max %d)",
        sorted[(sorted.length - 1) / 2], sorted[0], sorted[sorted.length - 1]);
  }

  /**
   * Starts serve on the database in {@code dir}, waits for {@code /healthz}, then for the channel
   * lookup to end (cold: every page read and the database quiet for 2 s; warm: the configured
   * channels checked by id), and stops it with SIGTERM.
   *
   * @param pages the {@code conversations.list} pages a cold start reads; 0 for a warm start
   * @param print whether to print its log's timeline
   */
  private static Start start(SlackDouble slack, Path dir, int pages, boolean print)
      throws Exception {
    long healthy;
    try (ServeProcess serve = ServeProcess.start(dir, slack)) {
      healthy = serve.awaitHealthy();
      double cpu = serve.cpuSeconds();
      boolean cold = pages > 0;
      if (cold) {
        serve.await(() -> slack.calls("conversations.list").size() >= pages);
        serve.await(serve.databaseQuiet());
      } else {
        serve.await(() -> slack.calls("conversations.info").size() >= NAMED.size());
      }
      if (print) {
        System.out.printf(
            Locale.ROOT,
            "  %s start, healthy after %d ms, having used %.2f s of CPU; its log, in seconds after"
                + " the process start:%n",
            cold ? "cold" : "warm",
            healthy,
            cpu);
        serve.printTimeline();
      }
      List<SlackCall> lists = slack.calls("conversations.list");
      Instant last = lists.isEmpty() ? null : lists.get(lists.size() - 1).receivedAt();
      return new Start(
          healthy,
          cpu,
          last == null ? Double.NaN : Duration.between(serve.started, last).toMillis() / 1e3,
          lists.size(),
          slack.calls("conversations.info").size());
    }
  }

  private static int cachedChannels(Path dir) {
    Database db = Database.open(DbSettings.h2File(dir.resolve("db")), null, null);
    try {
      return db.jdbi()
          .withHandle(
              h -> h.createQuery("select count(*) from slack_channel").mapTo(Integer.class).one());
    } finally {
      db.close();
    }
  }
}
