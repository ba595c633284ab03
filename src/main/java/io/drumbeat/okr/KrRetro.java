package io.drumbeat.okr;

import java.time.Instant;

/**
 * A KR owner's retrospective of one key result for its quarter: the DRI's "retrospective slide"
 * (handbook {@code product-and-engineering.md}, "Retrospectives"). Texts are raw user text (escape
 * before mrkdwn or Markdown).
 *
 * @param quarter e.g. "FY2027-Q1"
 * @param krKey the key result
 * @param outcome the outcome in one line, at most {@value #MAX_OUTCOME} characters
 * @param worked what worked, or null
 * @param didnt what didn't work, or null
 * @param learned what we learned, or null
 * @param authorId Slack user id of who wrote it
 * @param updatedAt when it was last saved
 */
public record KrRetro(
    String quarter,
    String krKey,
    String outcome,
    String worked,
    String didnt,
    String learned,
    String authorId,
    Instant updatedAt) {

  /** Longest outcome line, in characters. */
  public static final int MAX_OUTCOME = 300;

  /** Longest answer to each of the other questions, in characters. */
  public static final int MAX_TEXT = 3000;
}
