package io.drumbeat.daily;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.slack.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * When each member is due a private prompt or reminder, and whether they still are: only on
 * workdays that are not holidays ({@code workdays}, {@code holidays}), never while out of office,
 * never once they have posted, and never for a past day. The {@code daily_notice} ledger makes a
 * second prompt or reminder on the same day impossible, across retries and instances.
 */
final class DailyService {
  private final Jdbi jdbi;
  private final DailyRoster roster;
  private final UserDirectory users;
  private final DrumbeatConfig config;
  private final Clock clock;
  private final DailyNotices notices;

  /**
   * @param jdbi database
   * @param roster who is in which team
   * @param users members' zones
   * @param config workdays, holidays and the organisation zone (fallback zone)
   * @param clock the time source
   * @param notices sends the prompt and reminder DMs
   */
  public DailyService(
      Jdbi jdbi,
      DailyRoster roster,
      UserDirectory users,
      DrumbeatConfig config,
      Clock clock,
      DailyNotices notices) {
    this.jdbi = jdbi;
    this.roster = roster;
    this.users = users;
    this.config = config;
    this.clock = clock;
    this.notices = notices;
  }

  /** What a prompt or reminder run did for one member. */
  public enum Outcome {
    SENT,
    ALREADY_SENT,
    POSTED,
    OUT_OF_OFFICE,
    DAY_OFF,
    /** A prompt after the day's reminder time. */
    TOO_LATE,
    /** A reminder before the day's prompt time (only {@code /drumbeat remind daily now}). */
    TOO_EARLY,
    NOT_TODAY,
    NOT_A_MEMBER
  }

  /** Every member's day today, in their own zone (members without a team are not listed). */
  public List<DailyDay> today() {
    List<DailyDay> days = new ArrayList<>();
    for (Map.Entry<String, List<TeamConfig>> e : roster.members().entrySet()) {
      days.add(dayOf(e.getKey(), e.getValue()));
    }
    return days;
  }

  /** {@code member}'s day today, or empty when they are in no team. */
  public Optional<DailyDay> today(String member) {
    List<TeamConfig> teams = roster.teamsOf(member);
    return teams.isEmpty() ? Optional.empty() : Optional.of(dayOf(member, teams));
  }

  /** The member's local date today. */
  public LocalDate localDate(String member) {
    return LocalDate.now(clock.withZone(zoneOf(member)));
  }

  /** The member's zone: their Slack profile's, else the organisation's. */
  public ZoneId zoneOf(String member) {
    return users.zoneOf(member, config.timezone());
  }

  /**
   * Records the morning prompt for {@code date} unless it is not due (see the class comment) or it
   * is already past the reminder time. The ledger claim and the DM are recorded in one transaction;
   * the outbox delivers the DM.
   */
  public Outcome prompt(String member, LocalDate date) {
    return notify(member, date, DailyRepository.PROMPT);
  }

  /**
   * Records the afternoon reminder for {@code date} unless it is not due (see the class comment),
   * or the member's prompt time has not come yet: nobody is reminded of a day they were not yet
   * asked about (a member far east of the admin who runs {@code /drumbeat remind daily now} may
   * just have started their day).
   */
  public Outcome remind(String member, LocalDate date) {
    return notify(member, date, DailyRepository.REMINDER);
  }

  private Outcome notify(String member, LocalDate date, String kind) {
    Optional<DailyDay> day = today(member);
    if (day.isEmpty()) {
      return Outcome.NOT_A_MEMBER;
    }
    Outcome due = due(day.get(), date, kind);
    if (due != null) {
      return due;
    }
    if (kind.equals(DailyRepository.REMINDER) && clock.instant().isBefore(day.get().promptAt())) {
      return Outcome.TOO_EARLY;
    }
    List<String> channels = roster.teamsOf(member).stream().map(roster::channelOf).toList();
    DailyDay today = day.get();
    Instant expires =
        kind.equals(DailyRepository.PROMPT)
            ? today.reminderAt()
            : date.plusDays(1).atStartOfDay(today.zone()).toInstant();
    return jdbi.inTransaction(
        h -> {
          if (h.attach(DailyRepository.class).claimNotice(member, date, kind, clock.instant())
              == 0) {
            return Outcome.ALREADY_SENT;
          }
          notices.record(h, member, date, kind, channels, expires);
          return Outcome.SENT;
        });
  }

  /** Why nothing is due, or null when the notice is due now. */
  private Outcome due(DailyDay day, LocalDate date, String kind) {
    if (!day.date().equals(date)) {
      return Outcome.NOT_TODAY;
    }
    if (!config.isWorkday(date)) {
      return Outcome.DAY_OFF;
    }
    DailyRepository repo = jdbi.onDemand(DailyRepository.class);
    if (repo.outOfOffice(day.member()).map(o -> o.covers(date)).orElse(false)) {
      return Outcome.OUT_OF_OFFICE;
    }
    if (repo.find(day.member(), date).isPresent()) {
      return Outcome.POSTED;
    }
    if (kind.equals(DailyRepository.PROMPT) && !clock.instant().isBefore(day.reminderAt())) {
      return Outcome.TOO_LATE;
    }
    return null;
  }

  /** True when a prompt or reminder of {@code kind} could still be sent today. */
  boolean stillDue(DailyDay day, String kind) {
    return due(day, day.date(), kind) == null
        && jdbi.onDemand(DailyRepository.class).noticeCount(day.member(), day.date(), kind) == 0;
  }

  private DailyDay dayOf(String member, List<TeamConfig> teams) {
    ZoneId zone = users.zoneOf(member, config.timezone());
    LocalTime prompt =
        teams.stream().map(TeamConfig::dailyPrompt).min(Comparator.naturalOrder()).orElseThrow();
    LocalTime reminder =
        teams.stream().map(TeamConfig::dailyReminder).min(Comparator.naturalOrder()).orElseThrow();
    return new DailyDay(member, LocalDate.now(clock.withZone(zone)), zone, prompt, reminder);
  }
}
