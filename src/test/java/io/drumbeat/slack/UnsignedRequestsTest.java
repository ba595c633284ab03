package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests without a valid Slack signature, through the real Jetty endpoint: refused with 401
 * before anything is parsed, and never logged beyond one short, rate-limited line.
 */
class UnsignedRequestsTest {
  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final String FORGED = "forged-marker-7f3a\n2026-11-18T10:00:00.000+0000 [WARN] Admin: ok";
  static final String COMMAND =
      "command=%2Fokr-update&text=&user_id=U0AAA1&trigger_id=t1&team_id=T0DEMO";
  TestSlackApp t;
  SlackPosts posts;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, NOW);
    posts = new SlackPosts(t.app.port());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void an_unsigned_body_bolt_does_not_recognise_gets_401_and_is_never_logged() {
    HttpResponse<String> response;
    try (LogCapture log = LogCapture.start()) {
      response = posts.post(FORGED.getBytes(StandardCharsets.UTF_8), Map.of());
      assertThat(log.text()).doesNotContain("forged-marker").doesNotContain("Admin: ok");
    }

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).isEqualTo("{\"error\":\"invalid signature\"}");
  }

  @Test
  void ten_thousand_unsigned_requests_leave_at_most_two_short_log_lines() {
    List<String> lines;
    List<Integer> statuses = new ArrayList<>();
    try (LogCapture log = LogCapture.start()) {
      for (int batch = 0; batch < 100; batch++) {
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          sent.add(
              posts
                  .client()
                  .sendAsync(
                      unsigned(FORGED + batch + "-" + i), HttpResponse.BodyHandlers.discarding()));
        }
        sent.forEach(f -> statuses.add(f.join().statusCode()));
      }
      lines = log.lines();
    }

    assertThat(statuses).hasSize(10_000).containsOnly(401);
    assertThat(lines).hasSizeLessThanOrEqualTo(2);
    assertThat(lines).allSatisfy(line -> assertThat(line).hasSizeLessThan(200));
    assertThat(String.join("\n", lines)).doesNotContain("forged-marker");
  }

  @Test
  void a_request_signed_ten_minutes_in_the_future_is_refused() {
    byte[] body = COMMAND.getBytes(StandardCharsets.UTF_8);
    String ts = SlackPosts.timestamp(Duration.ofMinutes(10));

    assertThat(posts.post(body, SlackPosts.signature(ts, body)).statusCode()).isEqualTo(401);
    t.settle();
    assertThat(t.slack.calls("views.open")).isEmpty();
  }

  @Test
  void a_request_signed_four_minutes_in_the_future_or_past_is_accepted() {
    byte[] body = COMMAND.getBytes(StandardCharsets.UTF_8);
    for (Duration skew : List.of(Duration.ofMinutes(4), Duration.ofMinutes(-4))) {
      String ts = SlackPosts.timestamp(skew);
      assertThat(posts.post(body, SlackPosts.signature(ts, body)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_signature_header_without_a_timestamp_is_refused() {
    byte[] body = COMMAND.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = SlackPosts.signature(SlackPosts.timestamp(Duration.ZERO), body);

    assertThat(posts.post(body, Map.of("X-Slack-Signature", headers.get("X-Slack-Signature"))))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(401);
  }

  @Test
  void an_ssl_check_is_answered_200_as_slack_sends_it_and_its_token_is_not_logged() {
    HttpResponse<String> response;
    try (LogCapture log = LogCapture.start()) {
      response =
          posts.post(
              "ssl_check=1&token=forged-marker-7f3a".getBytes(StandardCharsets.UTF_8), Map.of());
      assertThat(log.text()).doesNotContain("forged-marker");
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  private HttpRequest unsigned(String body) {
    return HttpRequest.newBuilder(posts.endpoint())
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", SlackPosts.timestamp(Duration.ZERO))
        .header("X-Slack-Signature", "v0=" + "0".repeat(64))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
