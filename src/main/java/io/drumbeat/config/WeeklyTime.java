package io.drumbeat.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A wall-clock moment that recurs every week, such as {@code "MON 08:00"}. It has no zone of its
 * own: the caller supplies one when turning it into an instant with {@link #in}.
 *
 * @param day the day of the week
 * @param time the local time on that day, in whole minutes
 */
public record WeeklyTime(DayOfWeek day, LocalTime time) {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code time} has seconds or nanoseconds
   */
  public WeeklyTime {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(time, "time");
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException("a weekly time is in whole minutes, got " + time);
    }
  }

  /**
   * Parses {@code "DAY HH:mm"}: a case-insensitive three-letter day ({@code MON}…{@code SUN}),
   * whitespace, and a 24-hour time with two-digit hours, e.g. {@code "MON 08:00"}, {@code "fri
   * 14:00"}. Leading and trailing whitespace is ignored.
   *
   * @param text the text to parse
   * @return the weekly time
   * @throws IllegalArgumentException if the text is not in that form; the message quotes it and
   *     shows the expected form
   * @throws NullPointerException if {@code text} is null
   */
  public static WeeklyTime parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.strip().split("\\s+");
    try {
      if (parts.length == 2) {
        return new WeeklyTime(Scalars.day(parts[0]), Scalars.time(parts[1]));
      }
    } catch (IllegalArgumentException e) {
      // fall through to the message about the whole value
    }
    throw new IllegalArgumentException(
        Scalars.quote(text)
            + " is not a weekly time (use DAY HH:mm with DAY one of MON, TUE, WED, THU, FRI, SAT,"
            + " SUN and a 24-hour time, e.g. MON 08:00)");
  }

  /**
   * The occurrence of this weekly time in the ISO week (Monday to Sunday) that contains {@code
   * anyDateOfIsoWeek}, in {@code zone}. Resolved like {@link ZonedDateTime#of(LocalDate, LocalTime,
   * ZoneId)}: a time in a DST gap moves forward by the gap's length, a time in an overlap takes the
   * earlier offset.
   *
   * @param anyDateOfIsoWeek any day of the wanted week
   * @param zone the zone whose wall clock the time is read in
   * @return that week's {@code day} at {@code time} in {@code zone}
   * @throws NullPointerException if an argument is null
   */
  public ZonedDateTime in(LocalDate anyDateOfIsoWeek, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    LocalDate monday = anyDateOfIsoWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return ZonedDateTime.of(monday.plusDays(day.getValue() - 1L), time, zone);
  }

  /**
   * @return the canonical form {@code "DAY HH:mm"}, e.g. {@code "MON 08:00"}; {@link #parse} reads
   *     it back
   */
  @Override
  public String toString() {
    return day.name().substring(0, 3) + " " + time.format(HH_MM);
  }
}
