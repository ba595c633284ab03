package io.drumbeat.daily;

import io.drumbeat.slack.SlackCallException;
import java.util.EnumMap;
import java.util.Map;

/** {@code /drumbeat prompt daily now}: prompts every member for today now, each at most once. */
final class PromptRun {
  private final DailyService service;

  PromptRun(DailyService service) {
    this.service = service;
  }

  /** Runs it; returns a one-line mrkdwn report for the admin. */
  String run() {
    Map<DailyService.Outcome, Integer> counts = new EnumMap<>(DailyService.Outcome.class);
    int failed = 0;
    for (DailyDay day : service.today()) {
      try {
        counts.merge(service.prompt(day.member(), day.date()), 1, Integer::sum);
      } catch (SlackCallException e) {
        failed++;
      }
    }
    return ":sunrise: Daily prompts: sent "
        + counts.getOrDefault(DailyService.Outcome.SENT, 0)
        + ", already prompted "
        + counts.getOrDefault(DailyService.Outcome.ALREADY_SENT, 0)
        + ", already posted "
        + counts.getOrDefault(DailyService.Outcome.POSTED, 0)
        + ", out of office "
        + counts.getOrDefault(DailyService.Outcome.OUT_OF_OFFICE, 0)
        + ", day off "
        + counts.getOrDefault(DailyService.Outcome.DAY_OFF, 0)
        + ", past the reminder time "
        + counts.getOrDefault(DailyService.Outcome.TOO_LATE, 0)
        + (failed > 0 ? ", failed " + failed + " (see the log)" : "")
        + ".";
  }
}
