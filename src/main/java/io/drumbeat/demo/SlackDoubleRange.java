package io.drumbeat.demo;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The {@code oldest} / {@code latest} / {@code inclusive} window of {@code conversations.history}
 * and {@code conversations.replies}. Timestamps compare as decimal numbers; bounds are exclusive
 * unless {@code inclusive} is {@code true} or {@code 1}. {@code oldest} defaults to 0; {@code
 * latest} defaults to no bound (Slack's default is "now", but the double's clock may be moved back,
 * so nothing it stored is left out).
 *
 * @param oldest lower bound, or {@code null} for none
 * @param latest upper bound, or {@code null} for none
 * @param inclusive whether a message exactly at a bound is inside
 * @param error Slack's error code ({@code invalid_ts_oldest}, {@code invalid_ts_latest}) when a
 *     bound is not a number; then the other fields are meaningless
 */
record SlackDoubleRange(BigDecimal oldest, BigDecimal latest, boolean inclusive, String error) {

  /** Reads the window from request parameters. */
  static SlackDoubleRange of(Map<String, String> p) {
    boolean inclusive = SlackDoubleHistory.isTrue(p.get("inclusive"));
    BigDecimal oldest;
    try {
      oldest = bound(p.get("oldest"));
    } catch (NumberFormatException e) {
      return new SlackDoubleRange(null, null, inclusive, "invalid_ts_oldest");
    }
    try {
      return new SlackDoubleRange(oldest, bound(p.get("latest")), inclusive, null);
    } catch (NumberFormatException e) {
      return new SlackDoubleRange(null, null, inclusive, "invalid_ts_latest");
    }
  }

  /** Whether {@code message} lies inside the window. */
  boolean contains(StoredMessage message) {
    BigDecimal ts = SlackDoubleMessages.tsValue(message.ts());
    return above(ts, oldest) && above(latest, ts);
  }

  private boolean above(BigDecimal high, BigDecimal low) {
    if (high == null || low == null) {
      return true;
    }
    int order = high.compareTo(low);
    return inclusive ? order >= 0 : order > 0;
  }

  private static BigDecimal bound(String value) {
    return value == null || value.isBlank() ? null : SlackDoubleMessages.tsValue(value);
  }
}
