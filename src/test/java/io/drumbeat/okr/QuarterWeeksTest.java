package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Weeks of a fiscal quarter, Monday to Sunday, week 1 starting on the quarter's first Monday. */
class QuarterWeeksTest {
  final QuarterWeeks weeks = new QuarterWeeks(2);
  final Quarter q4 = Quarter.parse("FY2027-Q4"); // 2026-11-01 (a Sunday) to 2027-01-31

  @Test
  void week_1_starts_on_the_quarters_first_monday() {
    assertThat(weeks.date(q4, 1, DayOfWeek.MONDAY)).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(weeks.date(q4, 1, DayOfWeek.SUNDAY)).isEqualTo(LocalDate.of(2026, 11, 8));
    assertThat(weeks.date(q4, 7, DayOfWeek.MONDAY)).isEqualTo(LocalDate.of(2026, 12, 14));
    assertThat(weeks.date(q4, 13, DayOfWeek.MONDAY)).isEqualTo(LocalDate.of(2027, 1, 25));
    assertThat(weeks.of(q4)).hasSize(13).startsWith(IsoWeek.parse("2026-W45"));
  }

  @Test
  void a_day_after_the_quarter_moves_to_its_last_day() {
    assertThat(weeks.date(q4, 14, DayOfWeek.MONDAY)).isEqualTo(LocalDate.of(2027, 1, 31));
    Quarter q1 = Quarter.parse("FY2027-Q1"); // 2026-02-01 (a Sunday) to 2026-04-30 (a Thursday)
    assertThat(weeks.date(q1, 13, DayOfWeek.FRIDAY)).isEqualTo(LocalDate.of(2026, 4, 30));
  }

  @Test
  void the_next_quarter_after_the_last_one_of_a_fiscal_year_is_q1_of_the_next_year() {
    assertThat(weeks.next(q4)).isEqualTo(Quarter.parse("FY2028-Q1"));
    assertThat(weeks.previous(Quarter.parse("FY2028-Q1"))).isEqualTo(q4);
    assertThat(weeks.date(weeks.next(q4), 1, DayOfWeek.MONDAY)).isEqualTo(LocalDate.of(2027, 2, 1));
  }
}
