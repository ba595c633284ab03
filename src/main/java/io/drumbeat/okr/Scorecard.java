package io.drumbeat.okr;

import io.drumbeat.slack.Mrkdwn;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * A quarter's KR scorecard (handbook {@code okrs.md}): each KR's last status and progress. The
 * quarterly retro opens with it.
 */
public final class Scorecard {
  /** Longest escaped KR title in a line, in characters, so the line stays within 3000. */
  static final int MAX_TITLE = 2000;

  private final Jdbi jdbi;

  /**
   * @param jdbi database
   */
  public Scorecard(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * The quarter's KRs in file order (objective position, then KR position) with their latest
   * check-in of the quarter, null for a KR nobody checked in on.
   *
   * @param quarter e.g. "FY2027-Q1"
   * @return one line per KR; empty when the quarter has no KRs
   */
  public List<ScorecardLine> of(String quarter) {
    return jdbi.withExtension(
        OkrRepository.class,
        repo -> {
          Map<String, Objective> objectives =
              repo.objectives(quarter).stream()
                  .collect(Collectors.toMap(Objective::objectiveKey, Function.identity()));
          Map<String, CheckIn> latest =
              repo.latestCheckIns(quarter).stream()
                  .collect(Collectors.toMap(CheckIn::krKey, Function.identity()));
          Comparator<KeyResult> fileOrder =
              Comparator.comparingInt(
                      (KeyResult kr) -> objectives.get(kr.objectiveKey()).position())
                  .thenComparing(KeyResult::objectiveKey)
                  .thenComparingInt(KeyResult::position)
                  .thenComparing(KeyResult::krKey);
          return repo.keyResults(quarter).stream()
              .sorted(fileOrder)
              .map(
                  kr ->
                      new ScorecardLine(
                          objectives.get(kr.objectiveKey()).title(), kr, latest.get(kr.krKey())))
              .toList();
        });
  }

  /**
   * One mrkdwn line for a KR, user text escaped: its key and title, the last status with its ISO
   * week, current vs target with progress, and the owner, e.g. "*KR1.2* Cut p99 latency:
   * :large_green_circle: On track (2026-W47) · 150 / 200 ms (75%) · <@U0AAA1>", or ":grey_question:
   * no check-in · target 200 ms" without a check-in.
   *
   * @return at most 3000 characters (a very long title is cut with "…")
   */
  public static String mrkdwn(ScorecardLine line) {
    KeyResult kr = line.kr();
    CheckIn last = line.last();
    String facts =
        last == null
            ? ":grey_question: no check-in · " + Mrkdwn.escape(kr.describeTarget())
            : last.status().emoji()
                + " "
                + last.status().label()
                + " ("
                + Mrkdwn.escape(last.isoWeek())
                + ") · "
                + CheckInText.valueVsTarget(kr, last.currentValue());
    String text =
        Mrkdwn.truncate(CheckInText.title(kr), MAX_TITLE)
            + ": "
            + facts
            + " · <@"
            + kr.ownerId()
            + ">";
    return Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT);
  }
}
