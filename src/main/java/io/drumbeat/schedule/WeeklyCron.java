package io.drumbeat.schedule;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.drumbeat.config.WeeklyTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A weekly time from {@code drumbeat.yml} as a db-scheduler cron schedule in a zone (DST-correct).
 */
public final class WeeklyCron {
  private WeeklyCron() {}

  /** The schedule of {@code at} in {@code zone}, e.g. "MON 08:00" → cron "0 0 8 * * MON". */
  public static CronSchedule of(WeeklyTime at, ZoneId zone) {
    return Schedules.cron(expression(at), zone);
  }

  /** The Spring-style cron expression, e.g. "0 0 8 * * MON". */
  public static String expression(WeeklyTime at) {
    String day = at.day().name().substring(0, 3).toUpperCase(Locale.ROOT);
    return "0 " + at.time().getMinute() + " " + at.time().getHour() + " * * " + day;
  }
}
