package io.drumbeat.daily;

import io.drumbeat.slack.UserDirectory;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code /drumbeat prompt daily now} and {@code /drumbeat remind daily now}: records today's prompt
 * or reminder for every member now, each member still at most once a day (the {@code daily_notice}
 * ledger, shared with the scheduled ones, so a scheduled prompt or reminder never repeats one sent
 * on demand); the outbox delivers them at Slack's rate limits. "Today" is each member's own date.
 * Prompts skip members past their reminder time; reminders skip members whose prompt time has not
 * come yet.
 */
final class PromptRun {
  private final DailyService service;
  private final DailyRoster roster;
  private final UserDirectory users;

  PromptRun(DailyService service, DailyRoster roster, UserDirectory users) {
    this.service = service;
    this.roster = roster;
    this.users = users;
  }

  /**
   * Runs it.
   *
   * @param kind {@link DailyRepository#PROMPT} or {@link DailyRepository#REMINDER}
   * @return a one-line mrkdwn report for the admin
   */
  String run(String kind) {
    roster.ensureRead();
    users.ensureKnown(roster.members().keySet());
    boolean prompt = kind.equals(DailyRepository.PROMPT);
    Map<DailyService.Outcome, Integer> counts = new EnumMap<>(DailyService.Outcome.class);
    for (DailyDay day : service.today()) {
      DailyService.Outcome outcome =
          prompt
              ? service.prompt(day.member(), day.date())
              : service.remind(day.member(), day.date());
      counts.merge(outcome, 1, Integer::sum);
    }
    return (prompt ? ":sunrise: Daily prompts: sent " : ":bell: Daily reminders: sent ")
        + counts.getOrDefault(DailyService.Outcome.SENT, 0)
        + (prompt ? ", already prompted " : ", already reminded ")
        + counts.getOrDefault(DailyService.Outcome.ALREADY_SENT, 0)
        + ", already posted "
        + counts.getOrDefault(DailyService.Outcome.POSTED, 0)
        + ", out of office "
        + counts.getOrDefault(DailyService.Outcome.OUT_OF_OFFICE, 0)
        + ", day off "
        + counts.getOrDefault(DailyService.Outcome.DAY_OFF, 0)
        + (prompt
            ? ", past the reminder time " + counts.getOrDefault(DailyService.Outcome.TOO_LATE, 0)
            : ", before the prompt time " + counts.getOrDefault(DailyService.Outcome.TOO_EARLY, 0))
        + ".";
  }
}
