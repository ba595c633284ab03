package io.drumbeat.daily;

import java.time.LocalDate;

/**
 * A member's out-of-office period: no prompts or reminders, and never counted missing.
 *
 * @param userId the member
 * @param firstDay first day away, inclusive, in the member's zone
 * @param lastDay last day away, inclusive
 */
public record OutOfOffice(String userId, LocalDate firstDay, LocalDate lastDay) {
  /** True when {@code day} is within the period. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(firstDay) && !day.isAfter(lastDay);
  }
}
