package io.drumbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.okr.OkrFeature;
import io.drumbeat.store.TestDb;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Not a test (surefire skips {@code *Benchmark}); run with {@code scripts/benchmark.sh [N] [RUNS]}.
 *
 * <p>(a) Ack latency: an in-process Drumbeat (real Jetty endpoint, H2, Slack double) gets {@value
 * #THREADS} concurrent senders each sending N (default 100) signed {@code /okr-update} commands,
 * then N {@code view_submission}s of a valid check-in. The HTTP response is the ack, so each
 * request's round trip is its ack latency. (b) {@code serve} start-up: RUNS (default 5) times, a
 * {@code serve} subprocess on a fresh H2 file database, from {@code ProcessBuilder.start()} to the
 * first 200 from {@code /healthz}.
 */
public final class AckLatencyBenchmark {
  static final int THREADS = 20;
  static final int WARMUP = 200;
  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  static final ZonedDateTime WEDNESDAY =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));

  private AckLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int serveRuns = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.printf(
        "Machine: %d CPUs, Java %s (%s), %s %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
    System.out.println(
        "Percentiles: exact, nearest rank over the sorted samples (HdrHistogram is in ~/.m2 but"
            + " not a project dependency)");
    serveStartup(serveRuns); // first, on an idle machine
    ackLatency(perThread);
    RetroAckBenchmark.run(perThread);
    // The in-process Drumbeat is not closed: its background queue (thousands of rate-limited
    // views.open calls) would take many minutes to drain. Exiting abandons it.
    System.exit(0);
  }

  static void ackLatency(int perThread) throws Exception {
    System.out.printf(
        "%n== Ack latency: %d threads x %d requests, warm-up %d, in-process Drumbeat on H2 ==%n",
        THREADS, perThread, WARMUP);
    // Background work after the acks (views.open, echoes, DMs) goes through the Slack SDK's
    // per-method rate limiting (views.open: tier 4, about 100 a minute), so it lags far behind
    // this load; it is not waited for. The ack is the HTTP response either way.
    TestSlackApp t = TestSlackApp.start(TestDb.H2, WEDNESDAY);
    Callable<HttpResponse<String>> command =
        () -> t.requests.command("U0AAA1", "/okr-update", "", "C0DIST");
    measure("warm-up /okr-update", 1, WARMUP, command, false);
    measure("/okr-update (slash command)", THREADS, perThread, command, true);
    int commands = WARMUP + THREADS * perThread;
    System.out.printf(
        "  views.open calls that reached the double so far: %d of %d%n",
        t.slack.calls("views.open").size(), commands);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (t.slack.calls("views.open").isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no modal was opened: " + t.slack.calls());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    JsonNode view = t.lastView();
    FormValues checkIn =
        new FormValues()
            .select("kr", OkrFeature.KR_SELECT, "KR1.1")
            .select("status", "status", "ON_TRACK")
            .select("confidence", "confidence", "7")
            .text("value", "value", "700");
    Callable<HttpResponse<String>> submit = () -> t.requests.submitView("U0AAA1", view, checkIn);
    measure("warm-up view_submission", 1, WARMUP, submit, false);
    measure("view_submission (check-in)", THREADS, perThread, submit, true);
    System.out.printf(
        "  Slack double at the end: %d views.open, %d chat.postMessage, %d chat.update%n",
        t.slack.calls("views.open").size(),
        t.slack.calls("chat.postMessage").size(),
        t.slack.calls("chat.update").size());
  }

  /** Runs {@code perThread} calls on each of {@code threads} senders; prints the figures. */
  static void measure(
      String name, int threads, int perThread, Callable<HttpResponse<String>> call, boolean print)
      throws Exception {
    measure(name, threads, perThread, call, print, "");
  }

  /** As above, where a good ack has the body {@code okBody}. */
  static void measure(
      String name,
      int threads,
      int perThread,
      Callable<HttpResponse<String>> call,
      boolean print,
      String okBody)
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger failures = new AtomicInteger();
    List<Future<long[]>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          senders.submit(
              () -> {
                long[] nanos = new long[perThread];
                go.await();
                for (int j = 0; j < perThread; j++) {
                  long start = System.nanoTime();
                  HttpResponse<String> response = call.call();
                  nanos[j] = System.nanoTime() - start;
                  // a valid command or check-in acks with 200 and an empty body
                  if (response.statusCode() != 200 || !response.body().equals(okBody)) {
                    failures.incrementAndGet();
                  }
                }
                return nanos;
              }));
    }
    long begin = System.nanoTime();
    go.countDown();
    long[] all = new long[threads * perThread];
    for (int i = 0; i < threads; i++) {
      System.arraycopy(results.get(i).get(10, TimeUnit.MINUTES), 0, all, i * perThread, perThread);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    senders.shutdown();
    if (failures.get() > 0) {
      System.out.printf("%s: %d responses were not an empty 200 ack%n", name, failures.get());
    }
    if (print) {
      Arrays.sort(all);
      System.out.printf(
          "%-28s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  throughput %.0f req/s"
              + " (%.2f s)%n",
          name,
          all.length,
          ms(percentile(all, 50)),
          ms(percentile(all, 90)),
          ms(percentile(all, 99)),
          ms(all[all.length - 1]),
          all.length / seconds,
          seconds);
    }
  }

  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static void serveStartup(int runs) throws Exception {
    System.out.printf("%n== serve start-up: ProcessBuilder.start() to first 200 /healthz ==%n");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long[] millis = new long[runs];
    // absolute, since each serve runs in its own temporary directory
    String classpath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    try (SlackDouble slack = SlackDouble.start()) {
      slack.addUser("U0AAA1", "Avery Chen", "America/Los_Angeles");
      slack.addUser("U0BBB2", "Sam Okafor", "Pacific/Auckland");
      slack.addUser("U0CCC3", "Rosa Diaz", "Pacific/Honolulu");
      slack.addUser("U0ADMIN1", "Dana Admin", "America/New_York");
      for (String channel : List.of("distributioneers", "okrs", "vp-sync", "retros")) {
        slack.addChannel("C0" + channel.toUpperCase().replace("-", ""), channel, false, true);
      }
      for (int run = 0; run < runs; run++) {
        Path dir = Files.createTempDirectory("drumbeat-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
          port = socket.getLocalPort();
        }
        ProcessBuilder pb =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.timezone=Pacific/Chatham",
                    "-cp",
                    classpath,
                    "io.drumbeat.Main",
                    "serve")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("SLACK_BOT_TOKEN", "xoxb-test");
        env.put("SLACK_SIGNING_SECRET", "bench-secret");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("PORT", String.valueOf(port));
        env.put("DRUMBEAT_DB_URL", "jdbc:h2:file:" + dir.resolve("db") + H2_OPTIONS);
        env.put("DRUMBEAT_CONFIG", Path.of("drumbeat.example.yml").toAbsolutePath().toString());
        HttpRequest health =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long start = System.nanoTime();
        Process serve = pb.start();
        try {
          long deadline = start + TimeUnit.SECONDS.toNanos(60);
          while (true) {
            try {
              if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                break;
              }
            } catch (IOException notListeningYet) {
              // poll again
            }
            if (!serve.isAlive() || System.nanoTime() - deadline > 0) {
              throw new IllegalStateException(
                  "serve did not become healthy:\n" + Files.readString(dir.resolve("serve.log")));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
          }
          millis[run] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          System.out.printf("run %d: healthy after %d ms%n", run + 1, millis[run]);
        } finally {
          serve.destroy();
          if (!serve.waitFor(15, TimeUnit.SECONDS)) {
            serve.destroyForcibly().waitFor();
          }
          try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "median %d ms (min %d, max %d) over %d runs%n",
        sorted[(runs - 1) / 2], sorted[0], sorted[runs - 1], runs);
  }
}
