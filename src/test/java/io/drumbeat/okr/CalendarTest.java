package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import io.drumbeat.config.WeeklyTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final WeeklyTime FRIDAY_14 = WeeklyTime.parse("FRI 14:00");

  static OkrCalendar calendarAt(Instant now, ZoneId zone) {
    return new OkrCalendar(Clock.fixed(now, ZoneOffset.UTC), zone, 2);
  }

  static OkrCalendar calendarAt(ZonedDateTime now) {
    return calendarAt(now.toInstant(), now.getZone());
  }

  @ParameterizedTest
  @CsvSource({
    "2026-02-01, 2, FY2027-Q1",
    "2026-01-31, 2, FY2026-Q4",
    "2026-04-30, 2, FY2027-Q1",
    "2026-05-01, 2, FY2027-Q2",
    "2026-11-21, 2, FY2027-Q4",
    "2027-01-31, 2, FY2027-Q4",
    "2026-01-01, 1, FY2026-Q1",
    "2026-05-10, 1, FY2026-Q2",
    "2026-12-31, 1, FY2026-Q4",
    "2026-10-31, 11, FY2026-Q4",
    "2026-11-01, 11, FY2027-Q1",
    "2027-10-31, 11, FY2027-Q4",
    "2026-11-30, 12, FY2026-Q4",
    "2026-12-01, 12, FY2027-Q1",
    "2027-02-28, 12, FY2027-Q1",
    "2027-03-01, 12, FY2027-Q2",
  })
  void a_fiscal_year_is_named_after_the_calendar_year_it_ends_in(
      LocalDate date, int startMonth, String quarter) {
    assertThat(Quarter.containing(date, startMonth)).hasToString(quarter);
  }

  @ParameterizedTest
  @CsvSource({
    "FY2027-Q1, 2, 2026-02-01, 2026-05-01",
    "FY2027-Q4, 2, 2026-11-01, 2027-02-01",
    "FY2026-Q1, 1, 2026-01-01, 2026-04-01",
    "FY2026-Q4, 1, 2026-10-01, 2027-01-01",
    "FY2027-Q1, 11, 2026-11-01, 2027-02-01",
    "FY2027-Q4, 11, 2027-08-01, 2027-11-01",
    "FY2027-Q1, 12, 2026-12-01, 2027-03-01",
    "FY2027-Q4, 12, 2027-09-01, 2027-12-01",
  })
  void a_quarter_starts_on_its_first_day_and_ends_before_the_next_quarter(
      String quarter, int startMonth, LocalDate start, LocalDate endExclusive) {
    Quarter q = Quarter.parse(quarter);

    assertThat(q.start(startMonth)).isEqualTo(start);
    assertThat(q.endExclusive(startMonth)).isEqualTo(endExclusive);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 6, 11, 12})
  void every_day_lies_in_the_quarter_whose_range_contains_it(int startMonth) {
    for (LocalDate d = LocalDate.of(2025, 12, 1); d.isBefore(LocalDate.of(2028, 2, 1)); ) {
      Quarter q = Quarter.containing(d, startMonth);
      assertThat(d).isBetween(q.start(startMonth), q.endExclusive(startMonth).minusDays(1));
      d = d.plusDays(1);
    }
  }

  @Test
  void a_quarter_parses_back_from_its_name() {
    assertThat(Quarter.parse("FY2027-Q3")).isEqualTo(new Quarter(2027, 3));
    assertThat(Quarter.parse(" FY2027-Q3 ")).isEqualTo(new Quarter(2027, 3));
    assertThat(new Quarter(2027, 3)).hasToString("FY2027-Q3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2027-Q1", "FY27-Q1", "FY2027-Q5", "FY2027-Q0", "fy2027-q1", "Q1"})
  void a_quarter_in_another_form_is_rejected_with_the_expected_form(String text) {
    assertThatThrownBy(() -> Quarter.parse(text))
        .isInstanceOf(DrumbeatException.class)
        .hasMessage("\"" + text + "\" is not a quarter like FY2027-Q1");
  }

  @Test
  void a_null_quarter_is_rejected_with_the_expected_form() {
    assertThatThrownBy(() -> Quarter.parse(null))
        .isInstanceOf(DrumbeatException.class)
        .hasMessage("\"null\" is not a quarter like FY2027-Q1");
  }

  @Test
  void a_quarter_number_outside_one_to_four_cannot_be_built() {
    assertThatThrownBy(() -> new Quarter(2027, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quarter number must be 1-4, was 5");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-31, 2026-W53, 2026-12-28",
    "2027-01-03, 2026-W53, 2026-12-28",
    "2027-01-04, 2027-W01, 2027-01-04",
    "2026-01-01, 2026-W01, 2025-12-29",
    "2025-12-29, 2026-W01, 2025-12-29",
    "2021-01-03, 2020-W53, 2020-12-28",
    "2026-11-22, 2026-W47, 2026-11-16",
  })
  void an_iso_week_uses_the_week_based_year(LocalDate date, String week, LocalDate monday) {
    IsoWeek w = IsoWeek.of(date);

    assertThat(w).hasToString(week);
    assertThat(IsoWeek.parse(week)).isEqualTo(w);
    assertThat(w.monday()).isEqualTo(monday).matches(m -> m.getDayOfWeek() == DayOfWeek.MONDAY);
  }

  @Test
  void previous_and_next_cross_year_ends_with_and_without_week_53() {
    assertThat(IsoWeek.parse("2026-W53").next()).hasToString("2027-W01");
    assertThat(IsoWeek.parse("2027-W01").previous()).hasToString("2026-W53");
    assertThat(IsoWeek.parse("2020-W53").next()).hasToString("2021-W01");
    assertThat(IsoWeek.parse("2021-W01").previous()).hasToString("2020-W53");
    assertThat(IsoWeek.parse("2027-W52").next()).hasToString("2028-W01");
    assertThat(IsoWeek.parse("2028-W01").previous()).hasToString("2027-W52");
    assertThat(IsoWeek.parse("2026-W47").next().previous()).hasToString("2026-W47");
  }

  @Test
  void iso_weeks_order_chronologically() {
    assertThat(IsoWeek.parse("2026-W53")).isLessThan(IsoWeek.parse("2027-W01"));
    assertThat(IsoWeek.parse("2026-W09")).isLessThan(IsoWeek.parse("2026-W10"));
    assertThat(IsoWeek.parse("2026-W10")).isEqualByComparingTo(new IsoWeek(2026, 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026-47", "2026-W7", "26-W47", "2026W47", "2026-w47"})
  void an_iso_week_in_another_form_is_rejected(String text) {
    assertThatThrownBy(() -> IsoWeek.parse(text))
        .isInstanceOf(DrumbeatException.class)
        .hasMessage("\"" + text + "\" is not an ISO week like 2026-W47");
  }

  @Test
  void the_current_week_is_read_in_the_organisation_zone_not_utc() {
    Instant now = Instant.parse("2026-11-23T05:00:00Z");
    OkrCalendar la = calendarAt(now, LA);

    assertThat(la.today()).isEqualTo(LocalDate.of(2026, 11, 22));
    assertThat(la.today().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(la.currentWeek()).hasToString("2026-W47");
    assertThat(calendarAt(now, ZoneOffset.UTC).currentWeek()).hasToString("2026-W48");
  }

  @Test
  void the_current_quarter_is_read_in_the_organisation_zone_not_utc() {
    Instant now = Instant.parse("2026-11-01T06:00:00Z");

    assertThat(calendarAt(now, LA).currentQuarter()).hasToString("FY2027-Q3");
    assertThat(calendarAt(now, ZoneOffset.UTC).currentQuarter()).hasToString("FY2027-Q4");
  }

  @Test
  void the_quarter_of_a_week_is_the_quarter_of_its_monday() {
    OkrCalendar calendar = calendarAt(Instant.parse("2026-11-18T18:00:00Z"), LA);

    assertThat(calendar.quarterOf(IsoWeek.parse("2026-W44"))).hasToString("FY2027-Q3");
    assertThat(calendar.quarterOf(IsoWeek.parse("2026-W45"))).hasToString("FY2027-Q4");
    assertThat(calendar.quarterOf(IsoWeek.parse("2027-W04"))).hasToString("FY2027-Q4");
    assertThat(calendar.quarterOf(IsoWeek.parse("2027-W05"))).hasToString("FY2028-Q1");
  }

  @Test
  void on_monday_the_digest_reports_on_the_previous_week() {
    OkrCalendar calendar = calendarAt(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, LA));

    assertThat(calendar.reportingWeek(FRIDAY_14)).hasToString("2026-W47");
  }

  @Test
  void from_friday_to_sunday_the_digest_reports_on_this_week() {
    OkrCalendar friday = calendarAt(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, LA));
    OkrCalendar sunday = calendarAt(ZonedDateTime.of(2026, 11, 29, 23, 30, 0, 0, LA));
    OkrCalendar thursday = calendarAt(ZonedDateTime.of(2026, 11, 26, 23, 59, 0, 0, LA));

    assertThat(friday.reportingWeek(FRIDAY_14)).hasToString("2026-W48");
    assertThat(sunday.reportingWeek(FRIDAY_14)).hasToString("2026-W48");
    assertThat(thursday.reportingWeek(FRIDAY_14)).hasToString("2026-W47");
  }

  @Test
  void the_reporting_week_follows_the_organisation_zone_at_a_year_end() {
    // Monday 2027-01-04 01:00 UTC is still Sunday 2027-01-03 in Los Angeles: week 53 of 2026.
    OkrCalendar calendar = calendarAt(Instant.parse("2027-01-04T01:00:00Z"), LA);

    assertThat(calendar.reportingWeek(FRIDAY_14)).hasToString("2026-W53");
    assertThat(calendar.currentWeek()).hasToString("2026-W53");
  }
}
