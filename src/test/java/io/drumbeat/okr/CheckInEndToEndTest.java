package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /okr-update through the real Jetty endpoint and over Socket Mode, against the Slack Web API
 * double.
 */
@ParameterizedClass
@EnumSource(Transport.class)
class CheckInEndToEndTest {
  @Parameter Transport transport;
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, LA);
  TestSlackApp t;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, WEDNESDAY, transport);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void okr_update_opens_a_modal_with_the_callers_key_result_preselected() {
    HttpResponse<String> response = t.command("U0AAA1", "/okr-update", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    JsonNode view = t.slack.calls("views.open").get(0).json("view");
    assertThat(view.path("callback_id").asText()).isEqualTo(CheckInModal.CALLBACK_ID);
    assertThat(view.path("blocks").toString())
        .contains("KR1.1", "target 500 ms (from 1200 ms)")
        .doesNotContain("KR1.2");
    JsonNode select = view.path("blocks").get(1).path("element");
    assertThat(select.path("initial_option").path("value").asText()).isEqualTo("KR1.1");
    assertThat(t.slack.calls("views.open").get(0).param("trigger_id")).startsWith("trigger-");
  }

  @Test
  void a_user_without_key_results_gets_an_ephemeral_explanation_and_no_modal() {
    HttpResponse<String> response = t.command("U0NOKR", "/okr-update", "");

    assertThat(response.body()).contains("You own no key results in FY2027-Q4", "okrs import");
    assertThat(t.slack.calls("views.open")).isEmpty();
  }

  @Test
  void help_explains_usage_ephemerally() {
    HttpResponse<String> response = t.command("U0AAA1", "/okr-update", "help");

    assertThat(response.body())
        .contains("/okr-update all", "Confidence".toLowerCase(), "2026-W47", "FRI 14:00");
    assertThat(t.slack.calls("views.open")).isEmpty();
  }

  @Test
  void an_unknown_word_is_quoted_back_escaped_once() throws Exception {
    HttpResponse<String> response = t.command("U0AAA1", "/okr-update", "R&D <all>");

    String text =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(response.body())
            .path("text")
            .asText();
    assertThat(text).contains("I don't know `r&amp;d &lt;all&gt;`").doesNotContain("&amp;amp;");
    assertThat(t.slack.calls("views.open")).isEmpty();
  }

  @Test
  void submission_is_stored_echoed_to_the_okr_channel_and_confirmed_to_the_owner() {
    t.command("U0AAA1", "/okr-update", "");
    HttpResponse<String> response =
        t.submit(
            "U0AAA1",
            TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7")
                .text("note", "note", "Shard rebalancing landed"));

    assertThat(response.body()).isEmpty();
    CheckIn stored = repo().checkIn("FY2027-Q4", "KR1.1", "2026-W47").orElseThrow();
    assertThat(stored.status()).isEqualTo(CheckInStatus.ON_TRACK);
    assertThat(stored.currentValue()).isEqualByComparingTo("700");
    assertThat(stored.confidence()).isEqualTo(7);
    assertThat(stored.note()).isEqualTo("Shard rebalancing landed");
    List<SlackCall> echo = t.postsTo("C0OKRS");
    assertThat(echo).hasSize(1);
    assertThat(echo.get(0).json("blocks").toString())
        .contains("On track", "700 / 500 ms (71%)", "confidence 7/10", "<@U0AAA1>");
    assertThat(t.dmsTo("U0AAA1"))
        .singleElement()
        .satisfies(
            dm -> assertThat(dm.param("text")).contains("Saved your check-in for *2026-W47*"));
  }

  @Test
  void a_value_that_is_not_a_number_comes_back_as_an_error_on_the_value_block() {
    t.command("U0AAA1", "/okr-update", "");
    HttpResponse<String> response =
        t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "about 700", "7"));

    assertThat(response.body())
        .contains("\"response_action\":\"errors\"", "\"value\":", "is not a number");
    assertThat(repo().checkIn("FY2027-Q4", "KR1.1", "2026-W47")).isEmpty();
    assertThat(t.postsTo("C0OKRS")).isEmpty();
  }

  @Test
  void a_measured_key_result_needs_a_value_and_every_check_in_a_status_and_confidence() {
    t.command("U0AAA1", "/okr-update", "");
    HttpResponse<String> response =
        t.submit("U0AAA1", new FormValues().select("kr", CheckInModal.KR_SELECT, "KR1.1"));

    assertThat(response.body())
        .contains(
            "\"status\":\"Pick a status for KR1.1.\"",
            "\"confidence\":",
            "\"value\":\"Enter the current value (target 500 ms (from 1200 ms)).\"");
  }

  @Test
  void values_with_thousands_separators_and_the_unit_are_accepted() {
    t.command("U0AAA1", "/okr-update", "");
    t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "AT_RISK", "1,150 ms", "4"));

    assertThat(repo().checkIn("FY2027-Q4", "KR1.1", "2026-W47").orElseThrow().currentValue())
        .isEqualByComparingTo("1150");
  }

  @Test
  void submitting_again_the_same_week_revises_the_check_in_and_edits_the_echo_in_place() {
    t.command("U0AAA1", "/okr-update", "");
    t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));
    t.command("U0AAA1", "/okr-update", "");
    assertThat(t.lastView().path("blocks").toString()).contains("\"initial_value\":\"700\"");
    t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "AT_RISK", "800", "5"));

    assertThat(repo().history("FY2027-Q4", "KR1.1"))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(CheckInStatus.AT_RISK));
    assertThat(t.postsTo("C0OKRS")).hasSize(1);
    List<SlackCall> updates = t.slack.calls("chat.update");
    assertThat(updates)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.param("channel")).isEqualTo("C0OKRS");
              assertThat(u.param("ts"))
                  .isEqualTo(
                      repo().checkIn("FY2027-Q4", "KR1.1", "2026-W47").orElseThrow().echoTs());
              assertThat(u.json("blocks").toString()).contains("At risk", "800 / 500 ms");
            });
  }

  @Test
  void a_check_in_in_a_later_week_is_new_and_earlier_weeks_stay_as_history() {
    t.command("U0AAA1", "/okr-update", "");
    t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));
    t.advanceTo(WEDNESDAY.plusWeeks(1), Duration.ofDays(1));
    t.command("U0AAA1", "/okr-update", "");
    t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "600", "8"));

    assertThat(repo().history("FY2027-Q4", "KR1.1"))
        .extracting(CheckIn::isoWeek)
        .containsExactly("2026-W47", "2026-W48");
    assertThat(t.postsTo("C0OKRS")).hasSize(2);
    assertThat(t.postsTo("C0OKRS").get(1).json("blocks").toString())
        .contains("-100 ms since 2026-W47");
  }

  @Test
  void a_note_with_a_channel_mention_pings_nobody() {
    t.command("U0AAA1", "/okr-update", "");
    t.submit(
        "U0AAA1",
        TestSlackApp.checkIn("KR1.1", "OFF_TRACK", "1100", "2")
            .text("note", "note", "Blocked <!channel> & <@U0BBB2>"));

    String echo = t.postsTo("C0OKRS").get(0).json("blocks").toString();
    assertThat(echo)
        .contains("Blocked &lt;!channel&gt; &amp; &lt;@U0BBB2&gt;")
        .doesNotContain("<!channel>");
  }

  @Test
  void all_mode_shows_one_section_per_key_result_and_skips_the_blank_ones() {
    t.command("U0BBB2", "/okr-update", "all");
    String blocks = t.lastView().path("blocks").toString();
    assertThat(blocks).contains("KR1.2:status", "KR2.1:status");

    t.submit(
        "U0BBB2",
        new FormValues()
            .select("KR1.2:status", "status", "AT_RISK")
            .text("KR1.2:value", "value", "61")
            .select("KR1.2:confidence", "confidence", "5"));

    assertThat(repo().checkIn("FY2027-Q4", "KR1.2", "2026-W47")).isPresent();
    assertThat(repo().checkIn("FY2027-Q4", "KR2.1", "2026-W47")).isEmpty();
  }

  @Test
  void all_mode_with_nothing_filled_in_asks_for_at_least_one_key_result() {
    t.command("U0BBB2", "/okr-update", "all");
    HttpResponse<String> response = t.submit("U0BBB2", new FormValues());

    assertThat(response.body())
        .contains("\"KR1.2:status\":\"Fill in at least one key result to check in.\"");
  }

  @Test
  void choosing_another_key_result_in_the_select_redraws_the_modal_for_it() {
    t.command("U0BBB2", "/okr-update", "");
    com.fasterxml.jackson.databind.node.ObjectNode payload =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode()
            .put("type", "block_actions");
    payload.putObject("user").put("id", "U0BBB2");
    JsonNode opened = t.lastView();
    payload
        .putObject("view")
        .put("id", "V1")
        .put("hash", "h1")
        .put("type", "modal")
        .put("callback_id", CheckInModal.CALLBACK_ID)
        .put("private_metadata", opened.path("private_metadata").asText());
    payload
        .putArray("actions")
        .addObject()
        .put("type", "static_select")
        .put("action_id", CheckInModal.KR_SELECT)
        .put("block_id", "kr")
        .putObject("selected_option")
        .put("value", "KR2.1");
    t.requests.interaction(payload);
    t.settle();

    SlackCall update = t.slack.calls("views.update").get(0);
    assertThat(update.param("view_id")).isEqualTo("V1");
    assertThat(update.json("view").path("blocks").toString())
        .contains("target 120", "Self-serve upgrades");
  }

  @Test
  void two_submissions_racing_in_the_same_week_are_echoed_once() throws Exception {
    t.command("U0AAA1", "/okr-update", "");
    JsonNode view = t.lastView();
    List<Thread> clicks = new java.util.ArrayList<>();
    for (String value : List.of("700", "800")) {
      Thread click =
          new Thread(
              () ->
                  t.requests.submitView(
                      "U0AAA1", view, TestSlackApp.checkIn("KR1.1", "ON_TRACK", value, "7")));
      clicks.add(click);
      click.start();
    }
    for (Thread click : clicks) {
      click.join();
    }
    t.settle();

    assertThat(t.postsTo("C0OKRS")).hasSize(1);
    assertThat(repo().history("FY2027-Q4", "KR1.1")).hasSize(1);
  }

  @Test
  void a_modal_slack_refuses_to_open_is_explained_to_the_user() {
    t.slack.failNextWithError("views.open", "expired_trigger_id");
    var ack = t.command("U0AAA1", "/okr-update", "");

    assertThat(ack.body()).contains("took too long", "run `/okr-update` again");
  }

  @Test
  void a_server_error_on_views_open_is_retried_and_the_modal_opens() {
    t.slack.failNext("views.open", 502, java.util.Map.of(), "");
    t.command("U0AAA1", "/okr-update", "");

    assertThat(t.slack.calls("views.open")).hasSize(2);
    assertThat(t.slack.calls("response_url")).isEmpty();
  }

  private OkrRepository repo() {
    return t.database.jdbi().onDemand(OkrRepository.class);
  }
}
