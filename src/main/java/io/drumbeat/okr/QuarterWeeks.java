package io.drumbeat.okr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The ISO weeks of a fiscal quarter, as the OKR features count them: a week belongs to the quarter
 * that contains its Monday (the same rule that files a check-in under a quarter), so a quarter has
 * 13 or 14 weeks. "Week 1" is the first of them, "week 12" the twelfth (handbook {@code
 * product-and-engineering.md}, "Quarterly planning process").
 */
final class QuarterWeeks {
  private QuarterWeeks() {}

  /**
   * The quarter's weeks in order.
   *
   * @param fiscalYearStartMonth 1 to 12 ({@code fiscalYearStartMonth})
   * @return 13 or 14 weeks
   */
  static List<IsoWeek> of(Quarter quarter, int fiscalYearStartMonth) {
    LocalDate end = quarter.endExclusive(fiscalYearStartMonth);
    IsoWeek week = IsoWeek.of(quarter.start(fiscalYearStartMonth));
    if (week.monday().isBefore(quarter.start(fiscalYearStartMonth))) {
      week = week.next();
    }
    List<IsoWeek> weeks = new ArrayList<>();
    for (; week.monday().isBefore(end); week = week.next()) {
      weeks.add(week);
    }
    return List.copyOf(weeks);
  }

  /**
   * Week {@code n} of the quarter (1 is the first); a number past the quarter's last week counts on
   * into the next quarter.
   *
   * @param n 1 or more
   */
  static IsoWeek week(Quarter quarter, int n, int fiscalYearStartMonth) {
    IsoWeek first = of(quarter, fiscalYearStartMonth).get(0);
    return IsoWeek.of(first.monday().plusWeeks(n - 1L));
  }

  /** The quarter after {@code quarter}. */
  static Quarter next(Quarter quarter) {
    return quarter.number() == 4
        ? new Quarter(quarter.fiscalYear() + 1, 1)
        : new Quarter(quarter.fiscalYear(), quarter.number() + 1);
  }

  /** The quarter before {@code quarter}. */
  static Quarter previous(Quarter quarter) {
    return quarter.number() == 1
        ? new Quarter(quarter.fiscalYear() - 1, 4)
        : new Quarter(quarter.fiscalYear(), quarter.number() - 1);
  }
}
