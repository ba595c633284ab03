package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a retro's public notes. Every message is within Block Kit limits at any size (at most 50
 * blocks, every text at most 3000 characters, see {@code MessagePacker}); user text is escaped.
 * Authors of items appear only in a named retro.
 */
public final class RetroNotes {
  /** Most characters of a header block's text (Block Kit limit). */
  static final int MAX_HEADER = 150;

  private RetroNotes() {}

  /**
   * The ranked topics posted when voting closes: a "Topics to discuss, by votes" header, the title
   * and voter count, then each item with its rank, votes, category heading and full text, most
   * votes first. The first message goes in the channel, the rest in its thread.
   *
   * @return at least one message, each a non-empty list of at most 50 blocks
   */
  public static List<List<LayoutBlock>> topics(RetroReport report) {
    boolean named = report.retro().named();
    List<String> lines = new ArrayList<>();
    lines.add("*" + Mrkdwn.escape(report.retro().title()) + "* · " + voters(report.voters()));
    int rank = 0;
    for (RankedTopic topic : report.ranked()) {
      lines.add(NotesText.topic(++rank, topic, named, false));
    }
    if (report.ranked().isEmpty()) {
      lines.add("_No items to discuss._");
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header("Topics to discuss, by votes"));
    blocks.addAll(NotesText.sections(lines));
    return MessagePacker.pack(blocks);
  }

  /**
   * The notes posted when the retro closes: a title header and a summary; the scorecard (if the
   * retro has a quarter); the items under each category in {@link RetroCategory} order (empty
   * categories left out); the ranked topics with votes (text shortened, it is in full above);
   * action items with owners and due dates; and action items still open from earlier retros.
   *
   * @return at least one message, each a non-empty list of at most 50 blocks
   */
  public static List<List<LayoutBlock>> notes(RetroReport report) {
    Retro retro = report.retro();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header("Retro notes: " + retro.title()));
    blocks.addAll(NotesText.sections(List.of(summary(report))));
    if (retro.okrQuarter() != null) {
      List<String> lines = new ArrayList<>();
      lines.add(":dart: *OKR scorecard · " + Mrkdwn.escape(retro.okrQuarter()) + "*");
      lines.addAll(NotesText.scorecard(report.scorecard()));
      if (report.scorecard().isEmpty()) {
        lines.add("_No key results imported for this quarter._");
      }
      group(blocks, lines);
    }
    for (RetroCategory category : RetroCategory.values()) {
      List<String> lines = new ArrayList<>(List.of("*" + category.heading() + "*"));
      report.items().stream()
          .filter(i -> i.category() == category)
          .forEach(i -> lines.add(NotesText.item(i, retro.named())));
      if (lines.size() > 1) {
        group(blocks, lines);
      }
    }
    if (report.items().isEmpty()) {
      group(blocks, List.of("_No items were written._"));
    }
    if (!report.ranked().isEmpty()) {
      List<String> lines = new ArrayList<>(List.of("*Topics by votes*"));
      int rank = 0;
      for (RankedTopic topic : report.ranked()) {
        lines.add(NotesText.topic(++rank, topic, retro.named(), true));
      }
      group(blocks, lines);
    }
    actions(blocks, "*Action items*", report.actions(), "_No action items._");
    if (!report.carriedOver().isEmpty()) {
      actions(blocks, "*Still open from earlier retros*", report.carriedOver(), "");
    }
    return MessagePacker.pack(blocks);
  }

  /** The same notes as Markdown ({@code export retro ID --format md}). */
  public static String markdown(RetroReport report) {
    return RetroMarkdown.render(report);
  }

  /** "12 items · 5 people voted · 3 action items". */
  static String summary(RetroReport report) {
    int items = report.items().size();
    int actions = report.actions().size();
    return (items == 1 ? "1 item" : items + " items")
        + " · "
        + voters(report.voters())
        + " · "
        + (actions == 1 ? "1 action item" : actions + " action items");
  }

  private static String voters(int voters) {
    return voters == 1 ? "1 person voted" : voters + " people voted";
  }

  private static void actions(
      List<LayoutBlock> blocks, String heading, List<ActionItem> actions, String none) {
    List<String> lines = new ArrayList<>(List.of(heading));
    actions.forEach(a -> lines.add(NotesText.action(a)));
    if (actions.isEmpty()) {
      lines.add(none);
    }
    group(blocks, lines);
  }

  private static void group(List<LayoutBlock> blocks, List<String> lines) {
    blocks.add(divider());
    blocks.addAll(NotesText.sections(lines));
  }

  private static LayoutBlock header(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return Blocks.header(h -> h.text(plainText(Mrkdwn.truncate(line, MAX_HEADER))));
  }
}
