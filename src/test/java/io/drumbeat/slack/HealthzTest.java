package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /healthz} through the real Jetty endpoint while the connection pool is exhausted. */
class HealthzTest {
  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final int H2_POOL_SIZE = 8;
  TestSlackApp t;
  HttpClient http;
  final List<Connection> held = new ArrayList<>();

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, NOW);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterEach
  void stop() throws Exception {
    for (Connection c : held) {
      c.close();
    }
    t.close();
  }

  @Test
  void healthz_answers_within_a_second_while_every_pool_connection_is_held() throws Exception {
    for (int i = 0; i < H2_POOL_SIZE; i++) {
      held.add(t.database.dataSource().getConnection());
    }

    List<CompletableFuture<Timed>> checks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      checks.add(CompletableFuture.supplyAsync(this::healthz));
    }

    for (CompletableFuture<Timed> check : checks) {
      Timed answer = check.get();
      assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(1500));
      assertThat(answer.response().statusCode()).isEqualTo(503);
      assertThat(answer.response().body())
          .isEqualTo("{\"status\":\"unavailable\",\"reason\":\"database\"}");
    }
  }

  @Test
  void healthz_is_ok_again_soon_after_the_pool_has_connections_again() throws Exception {
    for (int i = 0; i < H2_POOL_SIZE; i++) {
      held.add(t.database.dataSource().getConnection());
    }
    assertThat(healthz().response().statusCode()).isEqualTo(503);
    for (Connection c : held) {
      c.close();
    }
    held.clear();

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Timed answer = healthz();
    while (answer.response().statusCode() != 200 && System.nanoTime() < deadline) {
      answer = healthz();
    }
    assertThat(answer.response().statusCode()).isEqualTo(200);
    assertThat(answer.response().body()).isEqualTo("{\"status\":\"ok\"}");
  }

  private Timed healthz() {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/healthz"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Timed(HttpResponse<String> response, Duration elapsed) {}
}
