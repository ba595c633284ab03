package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a daily-update submission may file: only the caller's own update, for the day that is today
 * in their zone, and only while they are in a team. The date in {@code private_metadata} is checked
 * again on every submission.
 */
class DailySubmissionEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 11, 0, 0, 0, LA);
  static final ObjectMapper JSON = new ObjectMapper();
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  void start(ZonedDateTime at) {
    t = TestSlackApp.start(TestDb.H2, at, TestSlackApp.DAILY_CONFIG, null);
  }

  DailyRepository repo() {
    return t.database.jdbi().onDemand(DailyRepository.class);
  }

  JsonNode withMetadata(String metadata) {
    ObjectNode view = t.lastView().deepCopy();
    view.put("private_metadata", metadata);
    return view;
  }

  static FormValues answers(String text) {
    return new FormValues().text("yesterday", "text", text);
  }

  static String fieldError(HttpResponse<String> response) throws Exception {
    JsonNode ack = JSON.readTree(response.body());
    assertThat(ack.path("response_action").asText()).isEqualTo("errors");
    return ack.path("errors").path("yesterday").asText();
  }

  @Test
  void a_date_in_the_metadata_that_is_not_the_callers_today_is_refused_on_the_field()
      throws Exception {
    start(MONDAY);
    t.command("U0AAA1", "/daily-update", "");

    HttpResponse<String> response =
        t.requests.submitView("U0AAA1", withMetadata("2026-11-16"), answers("Backdated"));
    t.settle();

    assertThat(fieldError(response)).contains("2026-11-16", "2026-11-23", "/daily-update");
    assertThat(repo().find("U0AAA1", LocalDate.parse("2026-11-16"))).isEmpty();
    assertThat(t.postsTo("C0DIST")).isEmpty();
  }

  @Test
  void a_modal_opened_before_midnight_and_submitted_after_it_says_that_day_is_over()
      throws Exception {
    start(MONDAY.withHour(23).withMinute(50));
    t.command("U0AAA1", "/daily-update", "");
    t.advanceTo(MONDAY.plusDays(1).withHour(0).withMinute(10), Duration.ofMinutes(5));

    HttpResponse<String> response = t.submit("U0AAA1", answers("Late night"));

    assertThat(fieldError(response))
        .contains("Monday 2026-11-23", "Tuesday 2026-11-24", "America/Los_Angeles");
    assertThat(repo().find("U0AAA1", LocalDate.parse("2026-11-23"))).isEmpty();
    assertThat(t.postsTo("C0DIST")).isEmpty();
  }

  @Test
  void a_form_whose_metadata_cannot_be_read_is_a_field_error_not_a_server_error() throws Exception {
    start(MONDAY);
    t.command("U0AAA1", "/daily-update", "");

    HttpResponse<String> response =
        t.requests.submitView("U0AAA1", withMetadata("{\"date\":1}"), answers("Anything"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(fieldError(response)).contains("out of date", "/daily-update");
  }

  @Test
  void someone_in_no_team_cannot_store_an_update_with_a_form_opened_for_someone_else()
      throws Exception {
    start(MONDAY);
    t.command("U0AAA1", "/daily-update", "");

    HttpResponse<String> response =
        t.requests.submitView("U0NOKR", t.lastView(), answers("Not my team"));
    t.settle();

    assertThat(fieldError(response)).contains("not in any team");
    assertThat(repo().find("U0NOKR", LocalDate.parse("2026-11-23"))).isEmpty();
  }

  @Test
  void the_callers_own_today_is_stored_and_posted() {
    start(MONDAY);
    t.command("U0AAA1", "/daily-update", "");

    HttpResponse<String> response = t.submit("U0AAA1", answers("Shipped"));

    assertThat(response.body()).isEmpty();
    assertThat(repo().find("U0AAA1", LocalDate.parse("2026-11-23"))).isPresent();
    assertThat(t.postsTo("C0DIST")).hasSize(1);
  }
}
