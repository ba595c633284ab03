package io.drumbeat.okr;

import java.util.EnumMap;
import java.util.Map;

/** {@code /drumbeat remind okr now}: reminds every owner of this week now, each at most once. */
final class ReminderRun {
  private final OkrReminders reminders;
  private final OkrCalendar calendar;

  ReminderRun(OkrReminders reminders, OkrCalendar calendar) {
    this.reminders = reminders;
    this.calendar = calendar;
  }

  /** Runs it; returns a one-line mrkdwn report for the admin. */
  String run() {
    IsoWeek week = calendar.currentWeek();
    Map<OkrReminders.Outcome, Integer> counts = new EnumMap<>(OkrReminders.Outcome.class);
    for (String owner : reminders.owners()) {
      counts.merge(reminders.remind(owner, week), 1, Integer::sum);
    }
    return ":bell: KR reminders for "
        + week
        + ": sent "
        + counts.getOrDefault(OkrReminders.Outcome.SENT, 0)
        + ", already up to date "
        + counts.getOrDefault(OkrReminders.Outcome.UP_TO_DATE, 0)
        + ", already reminded "
        + counts.getOrDefault(OkrReminders.Outcome.ALREADY_REMINDED, 0)
        + ".";
  }
}
