package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A daily update in the handbook's format ({@code recurring-processes.md}, "Daily"): an "Update"
 * heading and one bullet per line, then "Next" and "Blockers" as their own short sections. User
 * text is escaped; plain links stay clickable (Slack links bare URLs itself); every block's text
 * stays within 3000 characters.
 */
final class DailyText {
  private DailyText() {}

  /**
   * The items of a field: one per non-blank line, trimmed, without a leading "-", "*" or "•" the
   * person may have typed.
   */
  public static List<String> items(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R"))
        .map(String::strip)
        .map(line -> line.replaceFirst("^[-*•](\\s+|$)", ""))
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** The update as mrkdwn: "*Update:*" and bullets, then "*Next:*" and "*Blockers:*" if given. */
  public static String mrkdwn(DailyUpdate update) {
    StringBuilder text = new StringBuilder("*Update:*\n").append(bullets(update.yesterday()));
    if (!items(update.nextUp()).isEmpty()) {
      text.append("\n*Next:*\n").append(bullets(update.nextUp()));
    }
    if (!items(update.blockers()).isEmpty()) {
      text.append("\n*Blockers:*\n").append(bullets(update.blockers()));
    }
    return text.toString();
  }

  /**
   * The update as section blocks, after an optional first line (e.g. "<@U…>'s update"), split so
   * that no text passes Slack's 3000 characters.
   *
   * @param lead mrkdwn shown first (already escaped), or null
   */
  public static List<LayoutBlock> blocks(String lead, DailyUpdate update) {
    String text = (lead == null ? "" : lead + "\n") + mrkdwn(update);
    List<LayoutBlock> blocks = new ArrayList<>();
    for (String piece : Mrkdwn.chunk(text, Mrkdwn.MAX_TEXT)) {
      blocks.add(section(s -> s.text(markdownText(piece))));
    }
    return blocks;
  }

  private static String bullets(String field) {
    StringBuilder out = new StringBuilder();
    for (String item : items(field)) {
      out.append("• ").append(Mrkdwn.escape(item)).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
