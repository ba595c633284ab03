package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.config.WeeklyTime;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a week's check-ins close, and which weeks and quarters a modal can have shown. */
class CheckInWindowTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final IsoWeek W47 = IsoWeek.parse("2026-W47");

  static CheckInWindow window(ZonedDateTime now, String reminderAt, String digestAt) {
    return new CheckInWindow(
        new OkrCalendar(Clock.fixed(now.toInstant(), LA), LA, 2),
        WeeklyTime.parse(reminderAt),
        WeeklyTime.parse(digestAt));
  }

  @ParameterizedTest
  @CsvSource({
    // a digest before the reminder day reports last week: the week closes when it is due
    "FRI 14:00, MON 08:00, 2026-11-23T08:00-08:00[America/Los_Angeles]",
    "FRI 14:00, TUE 10:00, 2026-11-24T10:00-08:00[America/Los_Angeles]",
    // a digest on or after the reminder day reports its own week: the week closes when it ends
    "FRI 14:00, FRI 16:00, 2026-11-23T00:00-08:00[America/Los_Angeles]",
    "MON 09:00, MON 08:00, 2026-11-23T00:00-08:00[America/Los_Angeles]",
  })
  void a_week_closes_at_the_later_of_its_end_and_the_digest_that_reports_on_it(
      String reminderAt, String digestAt, String closes) {
    CheckInWindow window =
        window(ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, LA), reminderAt, digestAt);

    assertThat(window.closesAt(W47)).isEqualTo(ZonedDateTime.parse(closes));
  }

  @Test
  void a_week_is_open_until_it_closes_and_then_the_field_error_says_when_and_what_to_do() {
    ZonedDateTime closes = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, LA);

    assertThat(window(closes.minusSeconds(1), "FRI 14:00", "MON 08:00").closed(W47)).isEmpty();
    assertThat(window(closes, "FRI 14:00", "MON 08:00").closed(W47))
        .hasValue(
            "Check-ins for 2026-W47 closed on Monday 2026-11-23 08:00 (America/Los_Angeles), when"
                + " its digest was due. This form is for 2026-W47; close it and run /okr-update to"
                + " check in for 2026-W48.");
  }

  @Test
  void a_modal_can_show_only_a_week_that_has_begun_with_a_quarter_holding_one_of_its_days() {
    CheckInWindow window =
        window(ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, LA), "FRI 14:00", "MON 08:00");
    Quarter q4 = Quarter.parse("FY2027-Q4");

    assertThat(window.couldHaveShown(W47, q4)).isTrue();
    assertThat(window.couldHaveShown(IsoWeek.parse("2026-W40"), q4)).isFalse(); // in Q3
    assertThat(window.couldHaveShown(W47.next(), q4)).isFalse(); // not begun
    assertThat(window.couldHaveShown(W47, Quarter.parse("FY2027-Q3"))).isFalse();
    // 2026-W44 runs from Monday 26 October (Q3) to Sunday 1 November (Q4)
    assertThat(window.couldHaveShown(IsoWeek.parse("2026-W44"), q4)).isTrue();
    assertThat(window.couldHaveShown(IsoWeek.parse("2026-W44"), Quarter.parse("FY2027-Q3")))
        .isTrue();
  }
}
