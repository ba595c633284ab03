package io.drumbeat.retro;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item agreed in a retro. Open until its owner marks it done; open ones are listed when
 * the next retro in the same channel starts.
 *
 * @param id its id
 * @param retroId the retro it was agreed in
 * @param channel that retro's channel
 * @param text what is to be done (raw user text, at most {@value #MAX_TEXT} characters)
 * @param owner the Slack user id of who does it
 * @param dueDate when it is due, or null
 * @param createdAt when it was recorded
 * @param doneAt when the owner marked it done, or null while open
 * @param dmChannel the DM channel the owner was told in, or null before the DM went out
 * @param dmTs that DM's {@code ts}, or null
 */
public record ActionItem(
    long id,
    long retroId,
    String channel,
    String text,
    String owner,
    LocalDate dueDate,
    Instant createdAt,
    Instant doneAt,
    String dmChannel,
    String dmTs) {
  /** Longest action text, in characters. */
  public static final int MAX_TEXT = 1000;

  /** True until the owner marks it done. */
  public boolean isOpen() {
    return doneAt == null;
  }
}
