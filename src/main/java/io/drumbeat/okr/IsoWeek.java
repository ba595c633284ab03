package io.drumbeat.okr;

import io.drumbeat.DrumbeatException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week such as {@code 2026-W47} (weeks start on Monday; week 1 holds the year's first
 * Thursday). Check-ins are keyed by the ISO week of the organisation's zone.
 *
 * @param year the week-based year
 * @param week 1 to 53
 */
record IsoWeek(int year, int week) implements Comparable<IsoWeek> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  /** The ISO week that contains {@code date}. */
  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * Parses {@code 2026-W47}.
   *
   * @throws DrumbeatException when {@code text} is not of that form
   */
  public static IsoWeek parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new DrumbeatException("\"" + text + "\" is not an ISO week like 2026-W47");
    }
    IsoWeek week = new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    if (!week.exists()) {
      throw new DrumbeatException("\"" + text + "\" is not a week of " + week.year());
    }
    return week;
  }

  private boolean exists() {
    try {
      return week >= 1 && of(monday()).equals(this);
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  /** The Monday of this week. */
  public LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The week before this one. */
  public IsoWeek previous() {
    return of(monday().minusWeeks(1));
  }

  /** The week after this one. */
  public IsoWeek next() {
    return of(monday().plusWeeks(1));
  }

  @Override
  public int compareTo(IsoWeek other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}
