package io.drumbeat.okr;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The weeks of a fiscal quarter, as every OKR feature counts them ("Week 7", "Week 1 New Quarter":
 * handbook {@code product-and-engineering.md}, "Quarterly planning process"). Weeks run Monday to
 * Sunday, like ISO weeks, and a week belongs to the quarter that holds its Monday (the rule that
 * files a check-in under a quarter), so a quarter has 13 or 14 weeks and week 1 starts on its first
 * Monday.
 */
final class QuarterWeeks {
  private final int fiscalYearStartMonth;

  /**
   * @param fiscalYearStartMonth 1 to 12 ({@code fiscalYearStartMonth})
   */
  QuarterWeeks(int fiscalYearStartMonth) {
    this.fiscalYearStartMonth = fiscalYearStartMonth;
  }

  /** The quarter's weeks in order: 13 or 14. */
  List<IsoWeek> of(Quarter quarter) {
    LocalDate end = quarter.endExclusive(fiscalYearStartMonth);
    List<IsoWeek> weeks = new ArrayList<>();
    for (IsoWeek week = week(quarter, 1); week.monday().isBefore(end); week = week.next()) {
      weeks.add(week);
    }
    return List.copyOf(weeks);
  }

  /**
   * Week {@code n} of the quarter; a number past the quarter's last week counts on into the next
   * quarter.
   *
   * @param n 1 or more
   */
  IsoWeek week(Quarter quarter, int n) {
    LocalDate start = quarter.start(fiscalYearStartMonth);
    IsoWeek first = IsoWeek.of(start);
    if (first.monday().isBefore(start)) {
      first = first.next();
    }
    return IsoWeek.of(first.monday().plusWeeks(n - 1L));
  }

  /**
   * The date of {@code day} in week {@code week} of {@code quarter}, kept inside the quarter: a day
   * after its last day (e.g. week 14 of a 13-week quarter) is its last day.
   *
   * @param week 1 to 14
   */
  LocalDate date(Quarter quarter, int week, DayOfWeek day) {
    LocalDate last = quarter.endExclusive(fiscalYearStartMonth).minusDays(1);
    LocalDate date = week(quarter, week).monday().plusDays(day.getValue() - 1L);
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
