package io.drumbeat.retro;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * Renders a retro's public notes. Every message is within Block Kit limits at any size (at most 50
 * blocks, every text at most 3000 characters, see {@code MessagePacker}); user text is escaped.
 */
public final class RetroNotes {
  private RetroNotes() {}

  /**
   * The ranked topics posted when voting closes: each item with its votes, most first. The first
   * message goes in the channel, the rest in its thread.
   */
  public static List<List<LayoutBlock>> topics(RetroReport report) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The notes posted when the retro closes: the scorecard (if any), wins, did we do what we said,
   * what didn't go well, learnings, start / stop / continue, ranked topics with votes, action items
   * with owners and due dates, and action items still open from earlier retros.
   */
  public static List<List<LayoutBlock>> notes(RetroReport report) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The same notes as Markdown ({@code export retro ID --format md}). */
  public static String markdown(RetroReport report) {
    throw new UnsupportedOperationException("TODO");
  }
}
