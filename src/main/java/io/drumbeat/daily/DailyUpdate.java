package io.drumbeat.daily;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's daily update (handbook {@code recurring-processes.md}, "Daily"): what took up their
 * time in the past day and, if relevant, what is next. One per member per local date.
 *
 * @param userId Slack user id
 * @param localDate the day it is for, in the member's own zone
 * @param yesterday what took up their time, one item per line (raw user text)
 * @param nextUp what they plan to work on next, one item per line, or null
 * @param blockers anything blocking them, or null
 * @param submittedAt when it was last submitted
 */
public record DailyUpdate(
    String userId,
    LocalDate localDate,
    String yesterday,
    String nextUp,
    String blockers,
    Instant submittedAt) {

  /** Longest answer accepted in one field, in characters. */
  public static final int MAX_FIELD = 3000;
}
