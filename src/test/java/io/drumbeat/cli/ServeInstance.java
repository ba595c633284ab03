package io.drumbeat.cli;

import io.drumbeat.demo.SignedRequests;
import io.drumbeat.demo.SlackDouble;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One {@code drumbeat serve} in a child JVM, as deployed: configured only by environment variables,
 * listening on a free port, its output in a log file. It can crash ({@link #kill()}: SIGKILL, what
 * {@code kill -9} sends) or be stopped ({@link #terminate}: SIGTERM, what a deploy sends).
 */
public final class ServeInstance implements AutoCloseable {
  /** Exit code of a JVM killed by SIGKILL (128 + 9). */
  public static final int KILLED = 137;

  /** Exit code of a JVM stopped by SIGTERM once its shutdown hooks ran (128 + 15). */
  public static final int TERMINATED = 143;

  /**
   * JVM options that shorten the start-up of a child on a busy 2-core machine: the C1 compiler only
   * (no C2 threads competing for the cores) and the serial collector.
   */
  private static final List<String> FAST_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final Duration STEP = Duration.ofMillis(50);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String name;
  private final Path log;
  private final int port;
  private final Process process;

  private ServeInstance(String name, Path log, int port, Process process) {
    this.name = name;
    this.log = log;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts {@code drumbeat serve} in {@code dir} with exactly {@code env} plus {@code PORT}, its
   * output appended to {@code log} (whose file name also names it in messages), and waits until
   * {@code /healthz} answers 200.
   *
   * @throws AssertionError when it exits or is not healthy within 60 s (with its log)
   */
  public static ServeInstance start(Path dir, Path log, Map<String, String> env)
      throws IOException, InterruptedException {
    String name = log.getFileName().toString();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(DrumbeatProcess.command("serve"));
    command.addAll(1, FAST_START);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    Map<String, String> all = new HashMap<>(env);
    all.put("PORT", String.valueOf(port));
    pb.environment().putAll(all);
    ServeInstance started = new ServeInstance(name, log, port, pb.start());
    started.await("/healthz answers 200", Duration.ofSeconds(60), started::healthy);
    return started;
  }

  /** Signed requests to this instance's {@code /slack/events}, as Slack sends them. */
  public SignedRequests requests(SlackDouble slack, String signingSecret) {
    return new SignedRequests(
        URI.create("http://127.0.0.1:" + port + "/slack/events"),
        signingSecret,
        slack,
        Clock.systemUTC());
  }

  /**
   * Kills the JVM with SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits for it: no
   * shutdown hook runs, nothing in flight finishes.
   *
   * @throws AssertionError when it did not die of SIGKILL
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != KILLED) {
      throw new AssertionError(name + " did not die of SIGKILL:\n" + log());
    }
  }

  /**
   * Sends SIGTERM ({@link Process#destroy()} on Linux) and waits at most {@code limit} for the JVM
   * to exit.
   *
   * @return how long it took to exit
   * @throws AssertionError when it is still running after {@code limit}, or exited otherwise than
   *     by SIGTERM
   */
  public Duration terminate(Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (!exited) {
      process.destroyForcibly();
      throw new AssertionError(name + " still ran " + limit + " after SIGTERM:\n" + log());
    }
    if (process.exitValue() != TERMINATED) {
      throw new AssertionError(
          name + " exited with " + process.exitValue() + " after SIGTERM:\n" + log());
    }
    return took;
  }

  /**
   * Waits until {@code done} holds, checking every 50 ms, for at most {@code timeout}.
   *
   * @throws AssertionError when this instance exits first or the time runs out (with its log)
   */
  public void await(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    awaitAll(what, timeout, done, List.of(this));
  }

  /**
   * Waits until {@code done} holds, checking every 50 ms, for at most {@code timeout}, while every
   * one of {@code running} keeps running.
   *
   * @throws AssertionError when one of them exits first or the time runs out (with their logs)
   */
  public static void awaitAll(
      String what, Duration timeout, BooleanSupplier done, List<ServeInstance> running)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      for (ServeInstance instance : running) {
        if (instance.process.waitFor(STEP.toMillis() / running.size(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(
              instance.name
                  + " exited with "
                  + instance.process.exitValue()
                  + " before "
                  + what
                  + ":\n"
                  + instance.log());
        }
      }
      if (System.nanoTime() - deadline > 0) {
        StringBuilder logs = new StringBuilder();
        running.forEach(i -> logs.append("\n--- ").append(i.name).append(":\n").append(i.log()));
        throw new AssertionError("timed out after " + timeout + " waiting until " + what + logs);
      }
    }
  }

  /** Everything it printed so far. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Kills it if it still runs. */
  @Override
  public void close() {
    process.destroyForcibly();
  }

  private boolean healthy() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
