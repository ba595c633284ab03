package io.drumbeat.okr;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Weeks counted within a fiscal quarter, as the handbook's planning table does ("Week 7", "Week 1
 * New Quarter": {@code product-and-engineering.md}). Weeks run Monday to Sunday, like ISO weeks;
 * week 1 is the one that holds the quarter's first day, so a quarter has 13 or 14 weeks.
 */
final class QuarterWeeks {
  private final int fiscalYearStartMonth;

  /**
   * @param fiscalYearStartMonth 1 to 12 ({@code fiscalYearStartMonth})
   */
  QuarterWeeks(int fiscalYearStartMonth) {
    this.fiscalYearStartMonth = fiscalYearStartMonth;
  }

  /**
   * The date of {@code day} in week {@code week} of {@code quarter}, kept inside the quarter: a day
   * before its first day (e.g. MON of week 1 when the quarter starts on a Thursday) is its first
   * day, and a day after its last day (week 14 of a 13-week quarter) is its last day.
   *
   * @param week 1 to 14
   */
  LocalDate date(Quarter quarter, int week, DayOfWeek day) {
    LocalDate first = quarter.start(fiscalYearStartMonth);
    LocalDate last = quarter.endExclusive(fiscalYearStartMonth).minusDays(1);
    LocalDate date =
        first
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .plusWeeks(week - 1L)
            .plusDays(day.getValue() - 1L);
    if (date.isBefore(first)) {
      return first;
    }
    return date.isAfter(last) ? last : date;
  }

  /** The quarter after {@code quarter}. */
  Quarter next(Quarter quarter) {
    return Quarter.containing(quarter.endExclusive(fiscalYearStartMonth), fiscalYearStartMonth);
  }

  /** The quarter before {@code quarter}. */
  Quarter previous(Quarter quarter) {
    return Quarter.containing(
        quarter.start(fiscalYearStartMonth).minusDays(1), fiscalYearStartMonth);
  }
}
