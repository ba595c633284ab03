package io.drumbeat.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated contents of {@code drumbeat.yml}; load it with {@link ConfigLoader}. Immutable.
 *
 * @param timezone the organisation's zone, used for digests and ISO weeks
 * @param fiscalYearStartMonth the month (1–12) the fiscal year starts in; 1 means calendar quarters
 * @param workdays the days people work, Monday first; never empty
 * @param holidays dates that are not workdays even when their day is, in date order
 * @param admins Slack user ids ({@code U…}/{@code W…}) allowed to run admin commands
 * @param teams the teams, in file order
 * @param okr the weekly OKR check-in settings
 * @param retro the retrospective settings
 * @param calendar the quarterly planning calendar ({@code calendar}), in file order; may be empty
 * @param daily the daily-update settings that are not per team
 * @param monthly the monthly update; {@link MonthlyConfig#NONE} when not configured
 */
public record DrumbeatConfig(
    ZoneId timezone,
    int fiscalYearStartMonth,
    Set<DayOfWeek> workdays,
    Set<LocalDate> holidays,
    List<String> admins,
    List<TeamConfig> teams,
    OkrConfig okr,
    RetroConfig retro,
    List<CalendarEntry> calendar,
    DailyConfig daily,
    MonthlyConfig monthly) {

  /**
   * Copies every collection into an unmodifiable one.
   *
   * @throws NullPointerException if any argument or element is null
   * @throws IllegalArgumentException if {@code fiscalYearStartMonth} is not 1–12 or {@code
   *     workdays} is empty
   */
  public DrumbeatConfig {
    Objects.requireNonNull(timezone, "timezone");
    if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
      throw new IllegalArgumentException("fiscalYearStartMonth must be 1-12");
    }
    if (workdays.isEmpty()) {
      throw new IllegalArgumentException("workdays must not be empty");
    }
    workdays = Collections.unmodifiableSet(EnumSet.copyOf(workdays));
    holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
    admins = List.copyOf(admins);
    teams = List.copyOf(teams);
    Objects.requireNonNull(okr, "okr");
    Objects.requireNonNull(retro, "retro");
    calendar = List.copyOf(calendar);
    Objects.requireNonNull(daily, "daily");
    Objects.requireNonNull(monthly, "monthly");
  }

  /**
   * A configuration without a planning calendar, and with the defaults of the {@code daily} and
   * {@code monthly} sections (no monthly update).
   *
   * @throws NullPointerException if any argument or element is null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public DrumbeatConfig(
      ZoneId timezone,
      int fiscalYearStartMonth,
      Set<DayOfWeek> workdays,
      Set<LocalDate> holidays,
      List<String> admins,
      List<TeamConfig> teams,
      OkrConfig okr,
      RetroConfig retro) {
    this(
        timezone,
        fiscalYearStartMonth,
        workdays,
        holidays,
        admins,
        teams,
        okr,
        retro,
        List.of(),
        DailyConfig.DEFAULTS,
        MonthlyConfig.NONE);
  }

  /**
   * Who signs off a mid-quarter OKR change: {@code okr.approvers}, else {@code admins}.
   *
   * @return Slack user ids, possibly empty (then no change can be signed off)
   */
  public List<String> okrApprovers() {
    return okr.approvers().isEmpty() ? admins : okr.approvers();
  }

  /**
   * @param userId a Slack user id, e.g. {@code U0ADMIN1}
   * @return true if the id is listed under {@code admins}
   */
  public boolean isAdmin(String userId) {
    return admins.contains(userId);
  }

  /**
   * @param date a calendar date (in the organisation's zone, by the caller's choice)
   * @return true if its day of the week is a workday and it is not a holiday
   */
  public boolean isWorkday(LocalDate date) {
    return workdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /**
   * Every channel reference in the file, each with its key path, e.g. to check at start-up that the
   * bot can post in all of them. Order: each team's {@code channel}, then {@code okr.channel} (if
   * set), {@code okr.digestChannel}, {@code okr.scorecardChannel} (if set), {@code retro.channel}
   * (if set), each {@code calendar[].channel}, {@code monthly.channel} (if set).
   *
   * @return the references, unmodifiable; the same channel may appear more than once
   */
  public List<ChannelRef> channels() {
    List<ChannelRef> result = new ArrayList<>();
    teams.forEach(team -> result.add(team.channel()));
    okr.channel().ifPresent(result::add);
    result.add(okr.digestChannel());
    okr.scorecardChannel().ifPresent(result::add);
    retro.channel().ifPresent(result::add);
    calendar.forEach(entry -> result.add(entry.channel()));
    monthly.channel().ifPresent(result::add);
    return List.copyOf(result);
  }
}
