package io.drumbeat.okr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;

/**
 * A key result (KR) with its owner, the "slide owner" who checks in every week.
 *
 * @param quarter e.g. "FY2027-Q1"
 * @param krKey unique key within the quarter, e.g. "KR1.2"
 * @param objectiveKey the objective it belongs to
 * @param title the KR's wording
 * @param ownerId Slack user id of the KR owner (DRI)
 * @param startValue value at the start of the quarter, null for 0
 * @param targetValue value that means done, null for a KR without a number
 * @param unit unit shown after values, e.g. "%" or "ms", may be null
 * @param position order in the file, from 0
 */
public record KeyResult(
    String quarter,
    String krKey,
    String objectiveKey,
    String title,
    String ownerId,
    BigDecimal startValue,
    BigDecimal targetValue,
    String unit,
    int position) {

  /** True when the KR has a numeric target, so a check-in must give a current value. */
  public boolean isMeasured() {
    return targetValue != null;
  }

  /**
   * Progress from start to target, in whole percent (may be below 0 or above 100), or empty when
   * the KR has no target, {@code current} is null, or start equals target.
   */
  public OptionalInt progressPercent(BigDecimal current) {
    if (targetValue == null || current == null) {
      return OptionalInt.empty();
    }
    BigDecimal start = startValue == null ? BigDecimal.ZERO : startValue;
    BigDecimal span = targetValue.subtract(start);
    if (span.signum() == 0) {
      return OptionalInt.empty();
    }
    BigDecimal ratio = current.subtract(start).multiply(BigDecimal.valueOf(100));
    return OptionalInt.of(ratio.divide(span, 0, RoundingMode.HALF_UP).intValue());
  }

  /** {@code value} with this KR's unit, e.g. "99.5 %" or "42"; "—" for null. */
  public String format(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    String number = value.stripTrailingZeros().toPlainString();
    return unit == null || unit.isBlank() ? number : number + " " + unit;
  }

  /** "target 99.9 % (from 95 %)" or "no numeric target". */
  public String describeTarget() {
    if (targetValue == null) {
      return "no numeric target";
    }
    String from = startValue == null ? "" : " (from " + format(startValue) + ")";
    return "target " + format(targetValue) + from;
  }
}
