package io.drumbeat.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code trigger_id}s as Slack treats them: valid for one modal, within 3 seconds, real time. */
class SlackDoubleTriggersTest {
  /** The double's own clock stands in 2024: triggers must age by real time regardless. */
  private static final Instant LONG_AGO = Instant.parse("2024-01-15T12:00:00Z");

  private static final View MODAL =
      View.builder()
          .type("modal")
          .callbackId("checkin")
          .title(Views.viewTitle(t -> t.type("plain_text").text("Check in")))
          .build();

  private SlackDouble slackDouble;
  private Slack slack;
  private MethodsClient methods;

  @BeforeEach
  void startDouble() {
    slackDouble = SlackDouble.start(Clock.fixed(LONG_AGO, ZoneOffset.UTC));
    SlackConfig cfg = new SlackConfig();
    cfg.setMethodsEndpointUrlPrefix(slackDouble.apiUrl());
    cfg.setStatsEnabled(false);
    slack = Slack.getInstance(cfg);
    methods = slack.methods("xoxb-test");
  }

  @AfterEach
  void stopDouble() throws Exception {
    slackDouble.close();
    slack.close();
  }

  private String open(String triggerId) throws Exception {
    var response = methods.viewsOpen(r -> r.triggerId(triggerId).view(MODAL));
    return response.isOk() ? "ok" : response.getError();
  }

  private static String issuedMillisAgo(long millis) {
    return SlackDoubleTriggers.mint(Instant.now().minusMillis(millis));
  }

  @Test
  void a_fresh_trigger_opens_a_modal_although_the_doubles_clock_stands_in_the_past()
      throws Exception {
    assertThat(open(issuedMillisAgo(0))).isEqualTo("ok");
    assertThat(open(issuedMillisAgo(2_000))).isEqualTo("ok");
  }

  @Test
  void a_trigger_issued_more_than_three_seconds_ago_answers_expired_trigger_id() throws Exception {
    assertThat(open(issuedMillisAgo(3_100))).isEqualTo("expired_trigger_id");
    assertThat(open(issuedMillisAgo(60_000))).isEqualTo("expired_trigger_id");
  }

  @Test
  void a_trigger_opens_one_modal_only() throws Exception {
    String trigger = issuedMillisAgo(0);

    assertThat(open(trigger)).isEqualTo("ok");
    assertThat(open(trigger)).isEqualTo("exchanged_trigger_id");
    assertThat(slackDouble.calls("views.open")).hasSize(2);
    assertThat(slackDouble.lastView().path("id").asText()).isEqualTo("V1");
  }

  @Test
  void a_hand_written_trigger_id_is_accepted_every_time() throws Exception {
    assertThat(open("trigger-1")).isEqualTo("ok");
    assertThat(open("trigger-1")).isEqualTo("ok");
  }

  @Test
  void signed_requests_carry_a_trigger_id_stamped_with_the_real_time_it_was_sent() {
    URI endpoint = URI.create(slackDouble.responseUrl("events"));
    SignedRequests requests =
        new SignedRequests(endpoint, "secret", slackDouble, Clock.systemUTC());
    long before = System.currentTimeMillis();

    requests.command("U0ADA", "/okr-update", "", "C0PUB");

    String trigger = slackDouble.responseUrlCalls("events").get(0).param("trigger_id");
    assertThat(trigger).matches("trigger-\\d+-[0-9a-f-]{36}");
    long issued = Long.parseLong(trigger.split("-")[1]);
    assertThat(issued).isBetween(before, System.currentTimeMillis());
  }
}
