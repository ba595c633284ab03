package io.drumbeat.rituals;

import java.time.Instant;

/**
 * An item on the VP sync's agenda ({@code /drumbeat agenda add TEXT}).
 *
 * @param id its number, shown in lists and used by {@code /drumbeat agenda remove N}
 * @param text the item (raw user text, at most {@value #MAX_TEXT} characters)
 * @param author who added it (Slack user id)
 * @param addedAt when
 */
public record AgendaItem(long id, String text, String author, Instant addedAt) {
  /** Longest item, in characters. */
  public static final int MAX_TEXT = 1000;
}
