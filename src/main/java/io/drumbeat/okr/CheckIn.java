package io.drumbeat.okr;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One week's check-in on a key result. There is at most one per KR per ISO week; submitting again
 * in the same week revises it.
 *
 * @param quarter e.g. "FY2027-Q1"
 * @param krKey the key result
 * @param isoWeek e.g. "2026-W47" (organisation zone)
 * @param status on track, at risk, off track or done
 * @param currentValue the KR's current value, null when the KR has no target and none was given
 * @param confidence 1 (very unlikely to hit the target this quarter) to 10 (certain)
 * @param note what moved, risks, next; raw user text (escape before mrkdwn), may be null
 * @param authorId Slack user id of who submitted it
 * @param submittedAt when it was last submitted
 * @param echoChannel channel id where it was echoed, or null
 * @param echoTs message ts of the echo, or null
 */
public record CheckIn(
    String quarter,
    String krKey,
    String isoWeek,
    CheckInStatus status,
    BigDecimal currentValue,
    Integer confidence,
    String note,
    String authorId,
    Instant submittedAt,
    String echoChannel,
    String echoTs) {

  /** Confidence scale bounds (documented in the README). */
  public static final int MIN_CONFIDENCE = 1;

  /** Confidence scale upper bound. */
  public static final int MAX_CONFIDENCE = 10;

  /** Longest note accepted, in characters. */
  public static final int MAX_NOTE = 3000;
}
