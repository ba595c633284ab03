package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Correctly signed bodies through the real Jetty endpoint: Slack's handshakes still work, the exact
 * signed bytes reach Bolt, and a body that cannot be parsed is a clean 400 with one log line.
 */
class SignedBodiesTest {
  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final String URL_VERIFICATION =
      "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
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
  void url_verification_signed_as_slack_sends_it_is_answered_with_the_challenge() {
    HttpResponse<String> response = posts.signed(URL_VERIFICATION);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void a_signed_body_ending_in_a_newline_reaches_bolt_unchanged() {
    HttpResponse<String> response = posts.signed(URL_VERIFICATION + "\n");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void a_signed_payload_that_is_not_json_gets_400_and_one_log_line_without_a_stack_trace() {
    HttpResponse<String> response;
    try (LogCapture log = LogCapture.start()) {
      response = posts.signed("payload=%5B");
      assertThat(log.lines()).hasSize(1);
      assertThat(log.text()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"malformed request\"}");
  }

  @Test
  void a_signed_payload_that_is_json_but_not_an_object_gets_400() {
    try (LogCapture log = LogCapture.start()) {
      assertThat(posts.signed("payload=%5B1%2C2%5D").statusCode()).isEqualTo(400);
      assertThat(log.lines()).hasSize(1);
    }
  }

  @Test
  void a_signed_body_that_is_not_utf8_gets_400() {
    byte[] body = {'p', 'a', 'y', 'l', 'o', 'a', 'd', '=', (byte) 0xff, (byte) 0xfe};
    HttpResponse<String> response =
        posts.post(body, SlackPosts.signature(SlackPosts.timestamp(Duration.ZERO), body));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void a_signed_slash_command_still_opens_its_modal() {
    HttpResponse<String> response =
        posts.signed("command=%2Fokr-update&text=&user_id=U0AAA1&trigger_id=t1&team_id=T0DEMO");
    t.settle();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(t.slack.calls("views.open")).hasSize(1);
  }
}
