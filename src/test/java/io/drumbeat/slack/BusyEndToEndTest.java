package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A saturated Drumbeat answers "busy" where the person is, and does nothing. */
class BusyEndToEndTest {
  static final ZonedDateTime MONDAY =
      ZonedDateTime.of(2026, 11, 23, 11, 0, 0, 0, ZoneId.of("America/Los_Angeles"));

  @Test
  void with_every_place_taken_a_slash_command_gets_the_ephemeral_busy_answer_and_does_nothing()
      throws Exception {
    try (TestSlackApp t =
        TestSlackApp.startWith(
            TestDb.H2, MONDAY, TestSlackApp.DAILY_CONFIG, w -> w.concurrentRequests(1))) {
      // The one place is held by a /daily-update whose views.open Slack is slow to answer.
      t.slack.delayAnswers("views.open", Duration.ofSeconds(5));
      CompletableFuture<HttpResponse<String>> holder =
          CompletableFuture.supplyAsync(
              () -> t.requests.command("U0AAA1", "/daily-update", "", "C0DIST"));
      assertThat(t.slack.awaitCalls("views.open", 1, Duration.ofSeconds(30))).isTrue();

      HttpResponse<String> busy =
          t.requests.command("U0BBB2", "/retro", "start Sprint 42", "C0DIST");

      assertThat(busy.statusCode()).isEqualTo(200);
      var answer = new ObjectMapper().readTree(busy.body());
      assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
      assertThat(answer.path("text").asText()).isEqualTo(RequestGate.BUSY);
      assertThat(holder.get().body()).contains("/daily-update"); // told to run it again
      t.slack.delayAnswers("views.open", Duration.ZERO);
      t.deliverAll();
      assertThat(t.slack.messageCount("C0DIST")).isZero();

      // Once the place is free, the same command works.
      t.command("U0BBB2", "/retro", "start Sprint 42");
      assertThat(t.slack.messages("C0DIST"))
          .singleElement()
          .satisfies(m -> assertThat(m.blocks()).contains("Retro: Sprint 42"));
    }
  }
}
