package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.SlackEvents;
import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code app_uninstalled} and {@code tokens_revoked}: every job stops, and the log says so. */
class InstallationEventsTest {
  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  TestSlackApp t;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, NOW);
    t.runDue();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  int scheduledJobs() {
    return t.database
        .jdbi()
        .withHandle(
            h -> h.createQuery("select count(*) from scheduled_tasks").mapTo(Integer.class).one());
  }

  @Test
  void app_uninstalled_stops_every_job_and_says_so_once_in_the_log() {
    assertThat(scheduledJobs()).isPositive();
    String log;
    try (LogCapture capture = LogCapture.start()) {
      assertThat(t.requests.event(SlackEvents.appUninstalled(), "Ev0GONE", 0).statusCode())
          .isEqualTo(200);
      t.requests.event(SlackEvents.appUninstalled(), "Ev0GONE", 1);
      log = capture.text();
    }

    assertThat(scheduledJobs()).isZero();
    assertThat(log.lines().filter(l -> l.contains("every scheduled job is stopped")))
        .singleElement()
        .asString()
        .contains("ERROR", "Drumbeat was uninstalled from Slack (app_uninstalled)")
        .contains("install the app again, set the new SLACK_BOT_TOKEN and restart Drumbeat");
  }

  @Test
  void revoking_the_bot_token_stops_every_job_but_revoking_only_user_tokens_does_not() {
    t.requests.event(SlackEvents.tokensRevoked(null, "U0AAA1"), "Ev0USER", 0);
    assertThat(scheduledJobs()).isPositive();

    t.requests.event(SlackEvents.tokensRevoked("U0BOT", null), "Ev0BOT", 0);
    assertThat(scheduledJobs()).isZero();
  }
}
