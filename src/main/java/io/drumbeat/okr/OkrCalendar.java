package io.drumbeat.okr;

import io.drumbeat.config.WeeklyTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Now" in the organisation's terms: today's date, ISO week and fiscal quarter in the organisation
 * zone from {@code drumbeat.yml}; never the JVM's default zone.
 */
final class OkrCalendar {
  private final Clock clock;
  private final ZoneId zone;
  private final int fiscalYearStartMonth;

  /**
   * @param clock the time source
   * @param zone the organisation's zone ({@code timezone})
   * @param fiscalYearStartMonth 1 to 12 ({@code fiscalYearStartMonth})
   */
  public OkrCalendar(Clock clock, ZoneId zone, int fiscalYearStartMonth) {
    this.clock = clock;
    this.zone = zone;
    this.fiscalYearStartMonth = fiscalYearStartMonth;
  }

  /** Today in the organisation zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /** The ISO week check-ins are filed under right now. */
  public IsoWeek currentWeek() {
    return IsoWeek.of(today());
  }

  /** The fiscal quarter right now. */
  public Quarter currentQuarter() {
    return Quarter.containing(today(), fiscalYearStartMonth);
  }

  /** The fiscal quarter containing {@code date}. */
  public Quarter quarterOn(LocalDate date) {
    return Quarter.containing(date, fiscalYearStartMonth);
  }

  /** The fiscal quarter containing {@code week}'s Monday. */
  public Quarter quarterOf(IsoWeek week) {
    return Quarter.containing(week.monday(), fiscalYearStartMonth);
  }

  /**
   * The week a digest reports on: the most recent week whose check-in deadline ({@code
   * reminderAt}'s day) has begun. On a Monday with a Friday deadline that is last week; from Friday
   * on it is this week.
   */
  public IsoWeek reportingWeek(WeeklyTime reminderAt) {
    LocalDate today = today();
    IsoWeek week = IsoWeek.of(today);
    return today.getDayOfWeek().compareTo(reminderAt.day()) >= 0 ? week : week.previous();
  }

  /** The organisation zone. */
  public ZoneId zone() {
    return zone;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }
}
