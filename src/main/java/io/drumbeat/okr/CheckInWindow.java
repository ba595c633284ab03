package io.drumbeat.okr;

import io.drumbeat.config.WeeklyTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Which ISO weeks a check-in may still be filed under. A check-in is filed under the week its modal
 * showed. A week closes at the later of two instants, both in the organisation's zone: the end of
 * the week (the next Monday at 00:00), and the time the digest that reports on it is due ({@code
 * okr.digestAt} in that week when the digest's day is not before {@code okr.reminderAt}'s day,
 * otherwise in the week after). With the defaults ({@code FRI 14:00} reminder, {@code MON 08:00}
 * digest) a week closes on the next Monday at 08:00, when the digest that shows it is due. The time
 * the digest is due counts, not whether {@code /drumbeat digest now} posted one earlier.
 */
final class CheckInWindow {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
  private final OkrCalendar calendar;
  private final WeeklyTime reminderAt;
  private final WeeklyTime digestAt;

  /**
   * @param calendar organisation time
   * @param reminderAt {@code okr.reminderAt} (decides which week a digest reports on)
   * @param digestAt {@code okr.digestAt}
   */
  CheckInWindow(OkrCalendar calendar, WeeklyTime reminderAt, WeeklyTime digestAt) {
    this.calendar = calendar;
    this.reminderAt = reminderAt;
    this.digestAt = digestAt;
  }

  /** When check-ins for {@code week} close (see the class comment), in the organisation zone. */
  ZonedDateTime closesAt(IsoWeek week) {
    ZonedDateTime end = end(week);
    ZonedDateTime digest = digestDue(week);
    return digest.isAfter(end) ? digest : end;
  }

  private ZonedDateTime end(IsoWeek week) {
    return week.next().monday().atStartOfDay(calendar.zone());
  }

  /** When the scheduled digest that reports on {@code week} is due (see {@link OkrDigest}). */
  private ZonedDateTime digestDue(IsoWeek week) {
    IsoWeek reported = digestAt.day().compareTo(reminderAt.day()) >= 0 ? week : week.next();
    return digestAt.in(reported.monday(), calendar.zone());
  }

  /**
   * Whether a modal may have shown {@code week} and {@code quarter} to someone: the week has begun
   * (it is not after the current one), and the quarter holds at least one of its days (a modal
   * shows the quarter of the day it opened).
   */
  boolean couldHaveShown(IsoWeek week, Quarter quarter) {
    return week.compareTo(calendar.currentWeek()) <= 0
        && (calendar.quarterOn(week.monday()).equals(quarter)
            || calendar.quarterOn(week.monday().with(DayOfWeek.SUNDAY)).equals(quarter));
  }

  /**
   * Why nothing may be filed under {@code week} any more, as a field error (plain text), or empty
   * while it is open.
   */
  Optional<String> closed(IsoWeek week) {
    ZonedDateTime closes = closesAt(week);
    Instant now = calendar.clock().instant();
    if (now.isBefore(closes.toInstant())) {
      return Optional.empty();
    }
    return Optional.of(
        "Check-ins for "
            + week
            + " closed on "
            + WHEN.format(closes)
            + " ("
            + calendar.zone()
            + (closes.isAfter(end(week)) ? "), when its digest was due." : "), when it ended.")
            + " This form is for "
            + week
            + "; close it and run /okr-update to check in for "
            + calendar.currentWeek()
            + ".");
  }
}
