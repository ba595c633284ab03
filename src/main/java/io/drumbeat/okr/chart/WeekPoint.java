package io.drumbeat.okr.chart;

import java.util.Objects;

/**
 * One KR's progress in one ISO week, as a trend chart draws it.
 *
 * @param isoWeek the ISO week of the check-in, e.g. {@code "2026-W47"}; matched exactly against the
 *     quarter's week list
 * @param progress progress from the KR's start to its target in percent, as {@code
 *     KeyResult.progressPercent} gives it; may be below 0 or above 100 (charts clamp it to 0–100
 *     for drawing)
 */
public record WeekPoint(String isoWeek, double progress) {

  /**
   * Checks the values.
   *
   * @throws NullPointerException if {@code isoWeek} is null
   * @throws IllegalArgumentException if {@code isoWeek} is blank or {@code progress} is NaN
   */
  public WeekPoint {
    Objects.requireNonNull(isoWeek, "isoWeek");
    if (isoWeek.isBlank()) {
      throw new IllegalArgumentException("isoWeek must not be blank");
    }
    if (Double.isNaN(progress)) {
      throw new IllegalArgumentException("progress of " + isoWeek + " is not a number");
    }
  }

  /** The progress as drawn: clamped to 0–100 percent. */
  public double drawnProgress() {
    return Math.max(0, Math.min(100, progress));
  }
}
