package io.drumbeat.daily;

import io.drumbeat.DrumbeatException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose daily updates to show and for which dates ({@code /daily-update history}).
 *
 * @param userId the member's Slack user id ({@code U…} or {@code W…})
 * @param from first date, inclusive (member's local dates, as stored)
 * @param to last date, inclusive; not before {@code from}, at most {@value #MAX_DAYS} days after it
 *     counting both ends
 */
record HistoryQuery(String userId, LocalDate from, LocalDate to) {
  /** Most days one query may span, both ends included (a leap year). */
  public static final int MAX_DAYS = 366;

  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,31}");

  /**
   * Checks the query.
   *
   * @throws DrumbeatException with a one-line explanation when {@code userId} is not a user id,
   *     {@code from} is after {@code to} or the range is longer than {@value #MAX_DAYS} days
   * @throws NullPointerException if {@code from} or {@code to} is null
   */
  public HistoryQuery {
    if (userId == null || !USER.matcher(userId).matches()) {
      throw new DrumbeatException("\"" + userId + "\" is not a Slack user id");
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new DrumbeatException(from + " is after " + to + ": FROM must not be after TO");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new DrumbeatException(
          from + " to " + to + " is " + days + " days; ask for at most " + MAX_DAYS);
    }
  }

  /**
   * The query as a short string for a button value, e.g. {@code "U0AAA1:2026-11-01:2026-11-07"}.
   */
  public String encode() {
    return userId + ":" + from + ":" + to;
  }

  /**
   * Reads a string made by {@link #encode()}.
   *
   * @throws DrumbeatException when {@code value} is not such a string or not a valid query
   */
  public static HistoryQuery decode(String value) {
    String[] parts = value == null ? new String[0] : value.split(":", -1);
    if (parts.length != 3) {
      throw new DrumbeatException("Not a daily history query: \"" + value + "\"");
    }
    try {
      return new HistoryQuery(parts[0], LocalDate.parse(parts[1]), LocalDate.parse(parts[2]));
    } catch (DateTimeParseException e) {
      throw new DrumbeatException("Not a daily history query: \"" + value + "\"", e);
    }
  }
}
