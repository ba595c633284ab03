package io.drumbeat.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.SlackEvents;
import io.drumbeat.SlackInteractions;
import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.okr.OkrFeature;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The App Home over HTTP and over Socket Mode: opening it publishes the person's Home through the
 * outbox (never before the ack), once per event, and its buttons work.
 */
@ParameterizedClass
@EnumSource(Transport.class)
class HomeEndToEndTest {
  @Parameter Transport transport;
  static final ZonedDateTime WEDNESDAY =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
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
  void opening_the_home_tab_publishes_my_key_results_with_their_status_this_week() {
    HttpResponse<String> ack =
        t.requests.event(SlackEvents.appHomeOpened("U0BBB2", "home"), "EvHOME1", 0);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(t.slack.calls("views.publish")).as("nothing is published before the ack").isEmpty();
    t.settle();
    JsonNode view = HomeTabs.latest(t, "U0BBB2");
    assertThat(view.path("type").asText()).isEqualTo("home");
    assertThat(view.path("blocks").size()).isLessThanOrEqualTo(100);
    assertThat(view.path("blocks").toString())
        .contains("My key results", "FY2027-Q4", "2026-W47")
        .contains("KR1.2", "Searches on the new index", "KR2.1", "Self-serve upgrades")
        .contains("Missing this week", "No check-in yet this quarter", "target 95 % (from 40 %)")
        .doesNotContain("KR1.1", "For admins");
    assertThat(HomeTabs.buttonValue(view, OkrFeature.UPDATE_NOW)).isEqualTo("kr:KR1.2");
  }

  @Test
  void update_in_the_home_opens_the_check_in_for_that_kr_and_the_check_in_redraws_the_home() {
    HomeTabs.open(t, "U0BBB2");

    t.requests.interaction(
        SlackInteractions.homeClick("U0BBB2", OkrFeature.UPDATE_NOW, "kr:KR2.1"));
    JsonNode modal = t.lastView();
    assertThat(
            modal
                .path("blocks")
                .get(1)
                .path("element")
                .path("initial_option")
                .path("value")
                .asText())
        .isEqualTo("KR2.1");
    HttpResponse<String> saved =
        t.submit("U0BBB2", TestSlackApp.checkIn("KR2.1", "ON_TRACK", "60", "7"));

    assertThat(saved.body()).isEmpty();

    JsonNode home = HomeTabs.latest(t, "U0BBB2");
    assertThat(HomeTabs.published(t, "U0BBB2")).hasSize(2);
    assertThat(home.path("blocks").toString())
        .contains("Checked in this week: On track", "Latest (2026-W47): 60", "progress 50 %");
  }

  @Test
  void a_redelivered_app_home_opened_publishes_the_home_once() {
    t.requests.event(SlackEvents.appHomeOpened("U0AAA1", "home"), "EvSAME", 0);
    t.requests.event(SlackEvents.appHomeOpened("U0AAA1", "home"), "EvSAME", 1);
    t.settle();

    assertThat(HomeTabs.published(t, "U0AAA1")).hasSize(1);
  }

  @Test
  void opening_the_messages_tab_publishes_nothing() {
    t.requests.event(SlackEvents.appHomeOpened("U0AAA1", "messages"), "EvMSG", 0);
    t.settle();

    assertThat(t.slack.calls("views.publish")).isEmpty();
  }
}
