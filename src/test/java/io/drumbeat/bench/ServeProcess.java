package io.drumbeat.bench;

import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.DbSettings;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code drumbeat serve} as a subprocess of a benchmark: this JVM's class path, {@code
 * drumbeat.example.yml}, an H2 file database in a given directory, the Slack double's URL, logging
 * at INFO (as serve logs) into {@code serve.log} there. The system property {@code
 * bench.serveJvmOption} passes one more option to its JVM (e.g. a flight recording).
 */
final class ServeProcess implements AutoCloseable {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Instant started;
  private final long startNanos;
  private final Process process;
  private final Path dir;
  private final HttpRequest health;

  private ServeProcess(Process process, Instant started, long startNanos, Path dir, int port) {
    this.process = process;
    this.started = started;
    this.startNanos = startNanos;
    this.dir = dir;
    this.health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(5))
            .build();
  }

  /** Starts serve on the database in {@code dir} against {@code slack}. */
  static ServeProcess start(Path dir, SlackDouble slack) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Pacific/Chatham",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                System.getProperty("bench.serveJvmOption", "-Dbench.serve=true"),
                "-cp",
                absoluteClasspath(),
                "io.drumbeat.Main",
                "serve")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("serve.log").toFile()));
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("SLACK_BOT_TOKEN", "xoxb-bench");
    env.put("SLACK_SIGNING_SECRET", BenchApp.SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("PORT", String.valueOf(port));
    env.put("DRUMBEAT_DB_URL", DbSettings.h2File(dir.resolve("db")));
    env.put("DRUMBEAT_CONFIG", Path.of("drumbeat.example.yml").toAbsolutePath().toString());
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    return new ServeProcess(pb.start(), started, startNanos, dir, port);
  }

  /** Waits for the first 200 from {@code /healthz}; returns the milliseconds since the start. */
  long awaitHealthy() throws IOException {
    await(this::healthy);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /**
   * CPU seconds serve's JVM has used so far (every thread), from {@code /proc/<pid>/stat}; NaN
   * where that cannot be read (not Linux).
   */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** A benchmark may wait: polls every 5 ms while serve runs, for at most {@link #LIMIT}. */
  void await(BooleanSupplier done) throws IOException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!done.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "serve did not get there:\n" + Files.readString(dir.resolve("serve.log")));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /** True once the database file has not changed for 2 s (H2 writes each commit at once). */
  BooleanSupplier databaseQuiet() {
    Path file = dir.resolve("db.mv.db");
    long[] last = {-1, -1, System.nanoTime()};
    return () -> {
      long stamp;
      long size;
      try {
        stamp = Files.getLastModifiedTime(file).toMillis();
        size = Files.size(file);
      } catch (IOException e) {
        return false;
      }
      if (stamp != last[0] || size != last[1]) {
        last[0] = stamp;
        last[1] = size;
        last[2] = System.nanoTime();
      }
      return System.nanoTime() - last[2] > TimeUnit.SECONDS.toNanos(2);
    };
  }

  /** Prints this start's log lines in seconds after the process start, up to the stop. */
  void printTimeline() throws IOException {
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    for (String line : Files.readAllLines(dir.resolve("serve.log"))) {
      int space = line.indexOf(' ');
      if (line.isEmpty() || !Character.isDigit(line.charAt(0)) || space < 0) {
        continue;
      }
      Instant at = OffsetDateTime.parse(line.substring(0, space), format).toInstant();
      if (at.isBefore(started) || line.contains("Stopping Drumbeat")) {
        continue;
      }
      System.out.printf(
          Locale.ROOT,
          "  %6.2f s %s%n",
          Duration.between(started, at).toMillis() / 1e3,
          line.substring(space + 1));
    }
  }

  /** Stops serve with SIGTERM (forcibly after 30 s) and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private boolean healthy() {
    try {
      return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** This JVM's class path with absolute entries (serve runs in its own directory). */
  private static String absoluteClasspath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
