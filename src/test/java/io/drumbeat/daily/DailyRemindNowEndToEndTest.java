package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /drumbeat remind daily now}: admins only; today's reminder for every member who has been
 * prompted (their prompt time has come) and has not posted, each member at most once a day.
 */
class DailyRemindNowEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  /** 12:00 in Los Angeles, 10:00 in Honolulu, and 09:00 the next morning in Auckland. */
  static final ZonedDateTime MONDAY_NOON = ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, LA);

  TestSlackApp t;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, MONDAY_NOON, TestSlackApp.DAILY_CONFIG, null);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  List<String> reports() {
    return t.slack.calls("response_url").stream().map(r -> r.param("text")).toList();
  }

  @Test
  void an_admin_reminds_who_has_not_posted_now_and_nobody_is_reminded_twice_that_day() {
    t.command("U0CCC3", "/daily-update", "");
    t.submit("U0CCC3", new FormValues().text("yesterday", "text", "Wrote the upgrade guide"));

    HttpResponse<String> ack = t.command("U0ADMIN1", "/drumbeat", "remind daily now");
    t.command("U0ADMIN1", "/drumbeat", "remind daily now");
    t.deliverAll();

    assertThat(ack.body()).contains("Running `/drumbeat remind daily now`");
    assertThat(DailyEndToEndTest.reminders(t, "U0AAA1")).hasSize(1);
    assertThat(DailyEndToEndTest.reminders(t, "U0CCC3")).isEmpty(); // posted
    assertThat(DailyEndToEndTest.reminders(t, "U0BBB2")).isEmpty(); // not prompted yet today
    assertThat(reports())
        .containsExactly(
            ":bell: Daily reminders: sent 1, already reminded 0, already posted 1, out of office 0,"
                + " day off 0, before the prompt time 1.",
            ":bell: Daily reminders: sent 0, already reminded 1, already posted 1, out of office 0,"
                + " day off 0, before the prompt time 1.");
  }

  @Test
  void the_scheduled_reminder_does_not_repeat_an_on_demand_one() {
    t.command("U0ADMIN1", "/drumbeat", "remind daily now");
    t.advanceTo(MONDAY_NOON.withHour(18), Duration.ofMinutes(15));

    assertThat(DailyEndToEndTest.reminders(t, "U0AAA1")).hasSize(1);
    assertThat(DailyEndToEndTest.reminders(t, "U0CCC3")).hasSize(1);
  }

  @Test
  void anyone_but_an_admin_is_refused_and_nobody_is_reminded() {
    HttpResponse<String> ack = t.command("U0AAA1", "/drumbeat", "remind daily now");
    t.deliverAll();

    assertThat(ack.body()).contains("Only Drumbeat admins can run `/drumbeat remind daily now`");
    for (String member : List.of("U0AAA1", "U0BBB2", "U0CCC3")) {
      assertThat(DailyEndToEndTest.reminders(t, member)).as(member).isEmpty();
    }
  }

  @Test
  void help_lists_it_among_the_admin_commands() throws Exception {
    HttpResponse<String> help = t.command("U0NOKR", "/drumbeat", "help");

    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(help.body())
                .path("text")
                .asText())
        .contains(
            "`/drumbeat remind daily now` send today's daily-update reminders now",
            "`/drumbeat prompt daily now`");
  }
}
