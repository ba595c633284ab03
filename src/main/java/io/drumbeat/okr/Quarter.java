package io.drumbeat.okr;

import io.drumbeat.DrumbeatException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fiscal quarter such as {@code FY2027-Q1}. A fiscal year is named after the calendar year in
 * which it ends: with {@code fiscalYearStartMonth: 2}, FY2027 runs from 2026-02-01 to 2027-01-31,
 * and FY2027-Q1 is February to April 2026 (handbook {@code okrs.md}: OKRs are set per quarter).
 *
 * @param fiscalYear e.g. 2027
 * @param number 1 to 4
 */
public record Quarter(int fiscalYear, int number) {
  private static final Pattern FORMAT = Pattern.compile("FY(\\d{4})-Q([1-4])");

  /** Validates the range of {@code number}. */
  public Quarter {
    if (number < 1 || number > 4) {
      throw new IllegalArgumentException("quarter number must be 1-4, was " + number);
    }
  }

  /**
   * Parses {@code FY2027-Q1}.
   *
   * @throws DrumbeatException naming the expected format when {@code text} does not match
   */
  public static Quarter parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new DrumbeatException("\"" + text + "\" is not a quarter like FY2027-Q1");
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /**
   * The fiscal quarter that contains {@code date}.
   *
   * @param fiscalYearStartMonth 1 (January) to 12
   */
  public static Quarter containing(LocalDate date, int fiscalYearStartMonth) {
    int monthsIntoYear = Math.floorMod(date.getMonthValue() - fiscalYearStartMonth, 12);
    LocalDate yearStart = date.withDayOfMonth(1).minusMonths(monthsIntoYear);
    int fiscalYear = yearStart.plusYears(1).minusDays(1).getYear();
    return new Quarter(fiscalYear, monthsIntoYear / 3 + 1);
  }

  /** First day of this quarter. */
  public LocalDate start(int fiscalYearStartMonth) {
    int startYear = fiscalYearStartMonth == 1 ? fiscalYear : fiscalYear - 1;
    return LocalDate.of(startYear, fiscalYearStartMonth, 1).plusMonths(3L * (number - 1));
  }

  /** The day after this quarter's last day. */
  public LocalDate endExclusive(int fiscalYearStartMonth) {
    return start(fiscalYearStartMonth).plusMonths(3);
  }

  @Override
  public String toString() {
    return "FY" + fiscalYear + "-Q" + number;
  }
}
