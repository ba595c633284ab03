package io.drumbeat.okr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalInt;

/**
 * One KR on a quarter's scorecard: its last check-in (final value and status), the confidence of
 * each weekly check-in, and its owner's KR retrospective.
 *
 * @param objectiveTitle the objective it belongs to
 * @param kr the key result
 * @param last its latest check-in in the quarter, or null when nobody checked in
 * @param confidences the confidence (1–10) of each check-in of the quarter, oldest first; copied
 * @param retro the owner's KR retrospective, or null when none was written
 */
public record ScorecardLine(
    String objectiveTitle, KeyResult kr, CheckIn last, List<Integer> confidences, KrRetro retro) {

  /** Copies {@code confidences}. */
  public ScorecardLine {
    confidences = confidences == null ? List.of() : List.copyOf(confidences);
  }

  /** A line without the confidence trend and retrospective. */
  public ScorecardLine(String objectiveTitle, KeyResult kr, CheckIn last) {
    this(objectiveTitle, kr, last, List.of(), null);
  }

  /** Progress of the final value in whole percent, or empty (no target, no value, no check-in). */
  public OptionalInt progress() {
    return last == null ? OptionalInt.empty() : kr.progressPercent(last.currentValue());
  }

  /**
   * The KR's grade from 0.0 to 1.0 in steps of 0.1 (the usual OKR grading scale): its final
   * progress from start to target, capped at 1.0 and floored at 0.0, rounded half up to one
   * decimal. A KR without a numeric target grades 1.0 when its last status is done and 0.0
   * otherwise; a KR nobody checked in on grades 0.0.
   */
  public BigDecimal grade() {
    OptionalInt progress = progress();
    if (progress.isPresent()) {
      int capped = Math.max(0, Math.min(100, progress.getAsInt()));
      return BigDecimal.valueOf(capped).divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
    }
    boolean done = last != null && last.status() == CheckInStatus.DONE;
    return done ? new BigDecimal("1.0") : new BigDecimal("0.0");
  }

  /** The confidence trend, e.g. "5 → 6 → 8", or "—" without check-ins that gave one. */
  public String confidenceTrend() {
    List<String> values = confidences.stream().filter(c -> c != null).map(String::valueOf).toList();
    return values.isEmpty() ? "—" : String.join(" → ", values);
  }

  /**
   * The average grade of {@code lines} (an objective's KRs), rounded half up to two decimals.
   *
   * @return "0.00" for no lines
   */
  public static BigDecimal averageGrade(List<ScorecardLine> lines) {
    if (lines.isEmpty()) {
      return new BigDecimal("0.00");
    }
    BigDecimal sum =
        lines.stream().map(ScorecardLine::grade).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(lines.size()), 2, RoundingMode.HALF_UP);
  }
}
