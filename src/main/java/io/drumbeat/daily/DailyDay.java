package io.drumbeat.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One member's daily-update day: their local date and when, in their own zone, they are prompted
 * and reminded (the earliest {@code dailyPrompt} and {@code dailyReminder} of their teams).
 *
 * @param member Slack user id
 * @param date the member's local date
 * @param zone the member's zone (Slack profile), DST-correct
 * @param prompt local time of the prompt
 * @param reminder local time of the reminder
 */
record DailyDay(String member, LocalDate date, ZoneId zone, LocalTime prompt, LocalTime reminder) {
  /** The prompt's instant (a local time in a DST gap moves forward, as ZonedDateTime does). */
  public Instant promptAt() {
    return date.atTime(prompt).atZone(zone).toInstant();
  }

  /** The reminder's instant. */
  public Instant reminderAt() {
    return date.atTime(reminder).atZone(zone).toInstant();
  }

  /** The deterministic db-scheduler instance id, e.g. "U0AAA1:2026-11-23". */
  public String instanceId() {
    return member + ":" + date;
  }

  /** Parses {@link #instanceId()} into member and date. */
  public static String[] parse(String instanceId) {
    int colon = instanceId.lastIndexOf(':');
    return new String[] {instanceId.substring(0, colon), instanceId.substring(colon + 1)};
  }
}
