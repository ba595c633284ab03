package io.drumbeat.okr;

import io.drumbeat.slack.Mrkdwn;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * A quarter's KR scorecard (handbook {@code okrs.md}, {@code product-and-engineering.md}: "fill out
 * OKR scorecard", shared with the department in week 1 of the next quarter): for each KR its final
 * value against the target, progress, final status, confidence trend, grade ({@link
 * ScorecardLine#grade()}), owner and the owner's KR retrospective; for each objective the average
 * grade. The quarterly retro ({@code /retro start --okrs}) opens with it, and {@link ScorecardPost}
 * shares it.
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
   * check-in of the quarter (null for a KR nobody checked in on), the confidences of all its
   * check-ins, and its KR retrospective (or null).
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
          Map<String, List<Integer>> confidences =
              repo.quarterCheckIns(quarter).stream()
                  .filter(c -> c.confidence() != null)
                  .collect(
                      Collectors.groupingBy(
                          CheckIn::krKey,
                          Collectors.mapping(CheckIn::confidence, Collectors.toList())));
          Map<String, KrRetro> retros =
              repo.getHandle().attach(KrRetroRepository.class).ofQuarter(quarter).stream()
                  .collect(Collectors.toMap(KrRetro::krKey, Function.identity()));
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
                          objectives.get(kr.objectiveKey()).title(),
                          kr,
                          latest.get(kr.krKey()),
                          confidences.get(kr.krKey()),
                          retros.get(kr.krKey())))
              .toList();
        });
  }

  /**
   * One mrkdwn line for a KR, user text escaped: its key and title, the last status with its ISO
   * week, current vs target with progress, the grade and the owner, e.g. "*KR1.2* Cut p99 latency:
   * :large_green_circle: On track (2026-W47) · 150 / 200 ms (75%) · grade 0.8 · <@U0AAA1>", or
   * ":grey_question: no check-in · target 200 ms" without a check-in; then, when the owner wrote a
   * KR retrospective, its outcome on a second line ("&gt; _Outcome:_ …").
   *
   * @return at most 3000 characters (a very long title or outcome is cut with "…")
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
            + " · grade "
            + line.grade()
            + " · <@"
            + kr.ownerId()
            + ">";
    if (line.retro() != null) {
      text += "\n> _Outcome:_ " + Mrkdwn.truncate(Mrkdwn.escape(line.retro().outcome()), 400);
    }
    return Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT);
  }
}
