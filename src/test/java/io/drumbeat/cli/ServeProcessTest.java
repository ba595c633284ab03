package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.demo.SignedRequests;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.okr.Quarter;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drumbeat serve} as deployed: a separate JVM configured only by environment variables,
 * talking to a Slack Web API double in this JVM, receiving signed requests on its port and
 * envelopes over Socket Mode (both are configured). One process serves every test; the last one
 * stops it with SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeProcessTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final Duration STEP = Duration.ofMillis(20);

  @TempDir static Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final String secret = UUID.randomUUID().toString();
  SlackDouble slack;
  Map<String, String> env;
  Process serve;
  int port;
  Duration timeToHealthy;

  @BeforeAll
  void start() throws Exception {
    slack = io.drumbeat.TestSlackApp.workspace();
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-test");
    env.put("SLACK_SIGNING_SECRET", secret);
    env.put("SLACK_APP_TOKEN", "xapp-test");
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("PORT", String.valueOf(port));
    env.put(
        "DRUMBEAT_DB_URL",
        "jdbc:h2:file:"
            + dir.resolve("db")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    env.put("DRUMBEAT_CONFIG", Path.of("drumbeat.example.yml").toAbsolutePath().toString());

    // The example OKRs moved to the quarter of today, so the test holds on any date.
    Quarter now = Quarter.containing(LocalDate.now(Clock.systemUTC().withZone(LA)), 2);
    String okrs =
        Files.readString(Path.of("okrs.example.yml"))
            .replace("quarter: FY2027-Q4", "quarter: " + now);
    Path okrFile = Files.writeString(dir.resolve("okrs.yml"), okrs);
    Process importer = launch("import", "okrs", "import", okrFile.toString());
    assertThat(importer.waitFor(60, TimeUnit.SECONDS)).as("okrs import finished").isTrue();
    assertThat(importer.exitValue()).as(log("import")).isZero();

    long started = System.nanoTime();
    serve = launch("serve", "serve");
    HttpResponse<String> health =
        await("/healthz answers 200", () -> get("/healthz"), r -> r.statusCode() == 200);
    timeToHealthy = Duration.ofNanos(System.nanoTime() - started);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @AfterAll
  void stop() {
    if (serve != null) {
      serve.destroyForcibly();
    }
    if (slack != null) {
      slack.close();
    }
  }

  @Test
  @Order(1)
  void serve_becomes_healthy_within_20_seconds() {
    System.out.println("serve: time to healthy " + timeToHealthy.toMillis() + " ms");
    assertThat(timeToHealthy).isLessThan(Duration.ofSeconds(20));
    assertThat(get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  @Order(2)
  void a_signed_okr_update_is_acked_and_opens_the_check_in_modal_for_the_owners_key_result()
      throws Exception {
    HttpResponse<String> response =
        signedWith(secret).command("U0AAA1", "/okr-update", "", "C0DIST");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("You own no key results");
    List<SlackCall> opened =
        await("views.open is called", () -> slack.calls("views.open"), c -> !c.isEmpty());
    assertThat(opened.get(0).json("view").toString()).contains("KR1.1").doesNotContain("KR1.2");
  }

  @Test
  @Order(3)
  void over_socket_mode_the_same_listener_acks_okr_update_and_opens_the_modal() throws Exception {
    assertThat(slack.socketMode().awaitConnections(2, Duration.ofSeconds(30))).isTrue();
    int before = slack.calls("views.open").size();

    HttpResponse<String> ack =
        SignedRequests.overSocketMode(slack, Clock.systemUTC())
            .command("U0AAA1", "/okr-update", "", "C0DIST");

    assertThat(ack.statusCode()).as("acked").isEqualTo(200);
    assertThat(ack.body()).doesNotContain("You own no key results");
    List<SlackCall> opened =
        await("views.open is called", () -> slack.calls("views.open"), c -> c.size() > before);
    assertThat(opened.get(before).json("view").toString()).contains("KR1.1");
    assertThat(slack.calls("apps.connections.open"))
        .allSatisfy(c -> assertThat(c.param("token")).isEqualTo("xapp-test"));
  }

  @Test
  @Order(3)
  void an_unsigned_request_is_rejected_with_401() throws Exception {
    HttpRequest unsigned =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "command=%2Fokr-update&user_id=U0AAA1&text=&trigger_id=t1"))
            .build();

    HttpResponse<String> response = http.send(unsigned, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(3)
  void a_request_signed_with_another_secret_is_rejected_with_401() {
    HttpResponse<String> response =
        signedWith("not-" + secret).command("U0AAA1", "/okr-update", "", "C0DIST");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void sigterm_stops_serve_within_15_seconds() throws Exception {
    serve.destroy();

    assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("serve exited after SIGTERM").isTrue();
    assertThat(log("serve"))
        .contains("over Socket Mode and POST /slack/events; GET /healthz on port " + port)
        .contains("Socket Mode connection 2 is up", "Stopping Drumbeat");
  }

  private SignedRequests signedWith(String signingSecret) {
    return new SignedRequests(
        URI.create("http://127.0.0.1:" + port + "/slack/events"),
        signingSecret,
        slack,
        Clock.systemUTC());
  }

  private Process launch(String name, String... args) throws IOException {
    List<String> command = DrumbeatProcess.command(args);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb.start();
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private HttpResponse<String> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Polls {@code probe} until {@code done} holds, for at most 60 s. Between attempts it waits for
   * the serve process to exit (at most {@link #STEP}), which also ends the wait if it crashed.
   */
  private <T> T await(String what, Supplier<T> probe, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      T value = probe.get();
      if (value != null && done.test(value)) {
        return value;
      }
      if (serve.waitFor(STEP.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "serve exited with " + serve.exitValue() + " before " + what + ":\n" + log("serve"));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out waiting until " + what + ":\n" + log("serve"));
      }
    }
  }
}
