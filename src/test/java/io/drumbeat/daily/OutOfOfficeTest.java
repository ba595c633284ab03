package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /daily-update ooo} with dates around today, through the real Jetty endpoint. */
class OutOfOfficeTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY_EIGHT = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, LA);
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  @Test
  void a_period_that_began_last_week_is_kept_and_said_to_take_effect_today() {
    t = TestSlackApp.start(TestDb.H2, MONDAY_EIGHT, TestSlackApp.DAILY_CONFIG, null);

    String reply = t.command("U0AAA1", "/daily-update", "ooo 2026-11-19 2026-11-24").body();

    assertThat(reply)
        .contains("out of office from Thu 19 Nov 2026 to Tue 24 Nov 2026")
        .contains("Thu 19 Nov 2026 has already passed, so it takes effect today, Mon 23 Nov 2026");
    assertThat(t.command("U0AAA1", "/daily-update", "ooo").body())
        .contains("out of office from Thu 19 Nov 2026 to Tue 24 Nov 2026");
    DailyRepository repo = t.database.jdbi().onDemand(DailyRepository.class);
    assertThat(repo.outOfOffice("U0AAA1"))
        .contains(
            new OutOfOffice("U0AAA1", LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 24)));
    t.advanceTo(MONDAY_EIGHT.withHour(17), Duration.ofMinutes(15));
    assertThat(DailyEndToEndTest.prompts(t, "U0AAA1")).isEmpty();
    assertThat(DailyEndToEndTest.reminders(t, "U0AAA1")).isEmpty();
    assertThat(DailyEndToEndTest.prompts(t, "U0CCC3")).hasSize(1);
  }

  @Test
  void a_period_from_today_is_confirmed_without_a_note_about_the_past() {
    t = TestSlackApp.start(TestDb.H2, MONDAY_EIGHT, TestSlackApp.DAILY_CONFIG, null);

    String reply = t.command("U0AAA1", "/daily-update", "ooo 2026-11-23 2026-11-23").body();

    assertThat(reply)
        .contains("out of office from Mon 23 Nov 2026 to Mon 23 Nov 2026")
        .doesNotContain("passed");
  }

  @Test
  void a_period_that_ended_before_today_is_refused_and_nothing_is_stored() {
    t = TestSlackApp.start(TestDb.H2, MONDAY_EIGHT, TestSlackApp.DAILY_CONFIG, null);

    String reply = t.command("U0AAA1", "/daily-update", "ooo 2026-11-16 2026-11-22").body();

    assertThat(reply).contains("2026-11-22 is in the past", "Usage");
    assertThat(t.database.jdbi().onDemand(DailyRepository.class).outOfOffice("U0AAA1")).isEmpty();
  }
}
