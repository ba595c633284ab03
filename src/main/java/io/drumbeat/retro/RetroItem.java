package io.drumbeat.retro;

/**
 * An item written for a retro, answering one prompt.
 *
 * @param id its id, which grows with the time of submission: never shown (items are shown in {@code
 *     RetroKey.order} and named by {@code RetroKey.ref})
 * @param retroId the retro
 * @param category the prompt it answers
 * @param text what was written (raw user text, at most {@value #MAX_TEXT} characters)
 * @param author the Slack user id of who wrote it in a named retro; always null in an anonymous one
 */
public record RetroItem(long id, long retroId, RetroCategory category, String text, String author) {
  /** Longest item text, in characters (the "Add item" modal enforces it). */
  public static final int MAX_TEXT = 1000;
}
