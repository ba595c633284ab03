package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a check-in submission may file: the week and quarter the modal showed, only KRs the caller
 * owns in that quarter, and nothing from a form Drumbeat cannot read any more. Everything in {@code
 * private_metadata} and the block values is checked again against the caller.
 */
class CheckInSubmissionEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime SUNDAY_EVENING = ZonedDateTime.of(2026, 11, 22, 20, 0, 0, 0, LA);
  static final ZonedDateTime MONDAY_BEFORE_DIGEST = ZonedDateTime.of(2026, 11, 23, 7, 0, 0, 0, LA);
  static final ZonedDateTime MONDAY_AFTER_DIGEST = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, LA);
  static final ObjectMapper JSON = new ObjectMapper();
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  OkrRepository repo() {
    return t.database.jdbi().onDemand(OkrRepository.class);
  }

  /** The last opened modal with its {@code private_metadata} replaced by {@code metadata}. */
  JsonNode withMetadata(String metadata) {
    ObjectNode view = t.lastView().deepCopy();
    view.put("private_metadata", metadata);
    return view;
  }

  @Test
  void a_modal_opened_on_sunday_and_submitted_on_monday_files_under_the_week_it_showed() {
    t = TestSlackApp.start(TestDb.H2, SUNDAY_EVENING);
    t.command("U0AAA1", "/okr-update", "");
    assertThat(t.lastView().path("blocks").toString()).contains("Check-in for *2026-W47*");
    t.advanceTo(MONDAY_BEFORE_DIGEST, Duration.ofHours(1));

    HttpResponse<String> response =
        t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));

    assertThat(response.body()).isEmpty();
    assertThat(repo().checkIn("FY2027-Q4", "KR1.1", "2026-W47")).isPresent();
    assertThat(repo().checkIn("FY2027-Q4", "KR1.1", "2026-W48")).isEmpty();
    assertThat(t.dmsTo("U0AAA1"))
        .anySatisfy(dm -> assertThat(dm.param("text")).contains("check-in for *2026-W47*"));
  }

  @Test
  void a_modal_for_a_week_whose_digest_was_due_says_on_the_field_that_the_week_closed()
      throws Exception {
    t = TestSlackApp.start(TestDb.H2, SUNDAY_EVENING);
    t.command("U0AAA1", "/okr-update", "");
    t.advanceTo(MONDAY_AFTER_DIGEST, Duration.ofHours(1));

    HttpResponse<String> response =
        t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode ack = JSON.readTree(response.body());
    assertThat(ack.path("response_action").asText()).isEqualTo("errors");
    assertThat(ack.path("errors").path("kr").asText())
        .contains("2026-W47 closed", "Monday 2026-11-23 08:00", "2026-W48");
    assertThat(repo().history("FY2027-Q4", "KR1.1")).isEmpty();
    assertThat(t.postsTo("C0OKRS")).isEmpty();
  }

  @Test
  void a_modal_opened_on_the_quarters_last_day_files_in_that_quarter_after_midnight() {
    ZonedDateTime lastDay = ZonedDateTime.of(2027, 1, 31, 22, 0, 0, 0, LA);
    t = TestSlackApp.start(TestDb.H2, lastDay);
    t.command("U0AAA1", "/okr-update", "");
    t.advanceTo(lastDay.plusHours(3), Duration.ofHours(1));

    HttpResponse<String> response =
        t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "DONE", "480", "10"));

    assertThat(response.body()).isEmpty();
    assertThat(repo().checkIn("FY2027-Q4", "KR1.1", "2027-W04")).isPresent();
  }

  @Test
  void a_key_result_of_someone_else_in_the_metadata_is_refused_on_its_field() throws Exception {
    t = TestSlackApp.start(TestDb.H2, SUNDAY_EVENING);
    t.command("U0BBB2", "/okr-update", "all");
    String forged =
        "{\"quarter\":\"FY2027-Q4\",\"week\":\"2026-W47\",\"krs\":[\"KR1.2\",\"KR1.1\"],"
            + "\"all\":true}";

    HttpResponse<String> response =
        t.requests.submitView(
            "U0BBB2",
            withMetadata(forged),
            new FormValues()
                .select("KR1.2:status", "status", "ON_TRACK")
                .text("KR1.2:value", "value", "70")
                .select("KR1.2:confidence", "confidence", "6")
                .select("KR1.1:status", "status", "DONE")
                .text("KR1.1:value", "value", "400")
                .select("KR1.1:confidence", "confidence", "10"));
    t.settle();

    JsonNode ack = JSON.readTree(response.body());
    assertThat(ack.path("response_action").asText()).isEqualTo("errors");
    assertThat(ack.path("errors").path("KR1.1:status").asText())
        .contains("KR1.1 is not one of your key results in FY2027-Q4");
    assertThat(repo().history("FY2027-Q4", "KR1.1")).isEmpty();
    assertThat(repo().history("FY2027-Q4", "KR1.2")).isEmpty();
  }

  @Test
  void a_key_result_of_someone_else_in_the_select_is_refused_on_the_select() throws Exception {
    t = TestSlackApp.start(TestDb.H2, SUNDAY_EVENING);
    t.command("U0AAA1", "/okr-update", "");

    HttpResponse<String> response =
        t.submit("U0AAA1", TestSlackApp.checkIn("KR1.2", "DONE", "95", "10"));

    assertThat(JSON.readTree(response.body()).path("errors").path("kr").asText())
        .contains("KR1.2 is not one of your key results in FY2027-Q4");
    assertThat(repo().history("FY2027-Q4", "KR1.2")).isEmpty();
  }

  @Test
  void metadata_naming_a_week_or_quarter_the_modal_cannot_have_shown_is_refused() {
    t = TestSlackApp.start(TestDb.H2, SUNDAY_EVENING);
    t.command("U0AAA1", "/okr-update", "");
    JsonNode later =
        withMetadata("{\"quarter\":\"FY2027-Q4\",\"week\":\"2026-W49\",\"krs\":[],\"all\":false}");
    JsonNode otherQuarter =
        withMetadata("{\"quarter\":\"FY2027-Q3\",\"week\":\"2026-W47\",\"krs\":[],\"all\":false}");

    for (JsonNode view : java.util.List.of(later, otherQuarter)) {
      HttpResponse<String> response =
          t.requests.submitView(
              "U0AAA1", view, TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"response_action\":\"update\"", "out of date");
    }
    t.settle();
    assertThat(repo().history("FY2027-Q4", "KR1.1")).isEmpty();
  }

  @Test
  void an_out_of_date_form_is_explained_in_the_modal_instead_of_a_server_error() throws Exception {
    t = TestSlackApp.start(TestDb.H2, SUNDAY_EVENING);
    t.command("U0AAA1", "/okr-update", "");

    HttpResponse<String> response =
        t.requests.submitView(
            "U0AAA1",
            withMetadata("{\"version\":1,\"kr\":\"KR1.1\"}"),
            TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode ack = JSON.readTree(response.body());
    assertThat(ack.path("response_action").asText()).isEqualTo("update");
    assertThat(ack.path("view").path("blocks").toString())
        .contains("This check-in form is out of date", "/okr-update");
    assertThat(ack.path("view").has("submit")).isFalse();
  }

  @Test
  void choosing_a_key_result_in_an_out_of_date_form_redraws_it_with_the_explanation() {
    t = TestSlackApp.start(TestDb.H2, SUNDAY_EVENING);
    t.command("U0AAA1", "/okr-update", "");
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
    payload.putObject("user").put("id", "U0AAA1");
    payload
        .putObject("view")
        .put("id", "V1")
        .put("hash", "h1")
        .put("type", "modal")
        .put("callback_id", CheckInModal.CALLBACK_ID)
        .put("private_metadata", "not json");
    payload
        .putArray("actions")
        .addObject()
        .put("type", "static_select")
        .put("action_id", CheckInModal.KR_SELECT)
        .put("block_id", "kr")
        .putObject("selected_option")
        .put("value", "KR1.1");

    HttpResponse<String> response = t.requests.interaction(payload);
    t.settle();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(t.slack.calls("views.update"))
        .singleElement()
        .satisfies(
            u ->
                assertThat(u.json("view").path("blocks").toString())
                    .contains("This check-in form is out of date"));
  }
}
