package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP boundary: signature verification and the health check. */
class EndpointTest {
  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final String BODY =
      "command=%2Fokr-update&text=&user_id=U0AAA1&trigger_id=t1&team_id=T0DEMO";
  TestSlackApp t;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, NOW);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void a_request_with_a_wrong_signature_is_rejected_with_401_and_does_nothing() {
    String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond());
    HttpResponse<String> response = t.requests.postSigned(BODY, ts, "v0=0123456789abcdef");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(t.slack.calls("views.open")).isEmpty();
  }

  @Test
  void a_request_signed_more_than_five_minutes_ago_is_rejected() {
    String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond() - 6 * 60);
    String signature =
        new com.slack.api.app_backend.SlackSignature.Generator(TestSlackApp.SECRET)
            .generate(ts, BODY);
    HttpResponse<String> response = t.requests.postSigned(BODY, ts, signature);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void a_request_signed_with_another_secret_is_rejected() {
    String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond());
    String signature =
        new com.slack.api.app_backend.SlackSignature.Generator("not-the-secret").generate(ts, BODY);

    assertThat(t.requests.postSigned(BODY, ts, signature).statusCode()).isEqualTo(401);
  }

  @Test
  void healthz_answers_ok_while_the_database_answers_and_503_when_it_does_not() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + t.app.port() + "/healthz");

    HttpResponse<String> ok =
        http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("{\"status\":\"ok\"}");

    t.database.close();
    HttpResponse<String> down =
        http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(down.statusCode()).isEqualTo(503);
  }

  @Test
  void the_server_does_not_announce_its_version() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/healthz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Server")).isEmpty();
  }
}
