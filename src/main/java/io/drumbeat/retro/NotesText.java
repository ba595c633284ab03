package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.okr.ScorecardLine;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * The mrkdwn lines of a retro's messages (items, topics, action items, scorecard) and their packing
 * into section blocks. All user text is escaped with {@link Mrkdwn#escape}; authors are shown only
 * for a named retro.
 */
final class NotesText {
  /** Longest raw topic text in the notes' ranking; the full text is under its category. */
  static final int TOPIC_PREVIEW = 300;

  /** Continuation lines of a multi-line text are indented under their bullet or rank. */
  static final String INDENT = "      ";

  private NotesText() {}

  /** "• shipped search — <@U0AAA1>" (author only when {@code named}). */
  static String item(RetroItem item, boolean named) {
    return "• " + body(item.text()) + author(item, named);
  }

  /**
   * "*1.* *5 votes* · _Wins_ · shipped search — <@U0AAA1>" (author only when {@code named}); with
   * {@code preview} the text is put on one line and cut after {@value #TOPIC_PREVIEW} characters.
   */
  static String topic(int rank, RankedTopic topic, boolean named, boolean preview) {
    String text =
        preview
            ? Mrkdwn.escape(Mrkdwn.truncate(oneLine(topic.item().text()), TOPIC_PREVIEW))
            : body(topic.item().text());
    return "*"
        + rank
        + ".* "
        + votes(topic.votes())
        + " · _"
        + topic.item().category().heading()
        + "_ · "
        + text
        + author(topic.item(), named);
  }

  /** "• fix CI — <@U0AAA1> · due 2026-12-01", plus " · :white_check_mark: done" once done. */
  static String action(ActionItem action) {
    String due = action.dueDate() == null ? "" : " · due " + action.dueDate();
    String done = action.isOpen() ? "" : " · :white_check_mark: done";
    return "• " + body(action.text()) + " — <@" + action.owner() + ">" + due + done;
  }

  /** The scorecard's lines: a bold objective line before each objective's KR lines. */
  static List<String> scorecard(List<ScorecardLine> lines) {
    List<String> out = new ArrayList<>();
    String objective = null;
    for (ScorecardLine line : lines) {
      if (!line.kr().objectiveKey().equals(objective)) {
        objective = line.kr().objectiveKey();
        String title = Mrkdwn.truncate(Mrkdwn.escape(line.objectiveTitle()), Mrkdwn.MAX_TEXT - 2);
        out.add("*" + title + "*");
      }
      out.add(Scorecard.mrkdwn(line));
    }
    return out;
  }

  /** "*1 vote*" or "*5 votes*". */
  static String votes(int votes) {
    return votes == 1 ? "*1 vote*" : "*" + votes + " votes*";
  }

  /**
   * Section blocks holding {@code lines} in order, joined by line breaks, as few as fit: each text
   * at most 3000 characters; a longer line is split over several sections.
   */
  static List<LayoutBlock> sections(List<String> lines) {
    List<String> texts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      for (String piece : Mrkdwn.chunk(line, Mrkdwn.MAX_TEXT)) {
        if (current.length() > 0 && current.length() + 1 + piece.length() > Mrkdwn.MAX_TEXT) {
          texts.add(current.toString());
          current.setLength(0);
        }
        current.append(current.length() > 0 ? "\n" : "").append(piece);
      }
    }
    if (current.length() > 0) {
      texts.add(current.toString());
    }
    return texts.stream()
        .map(text -> (LayoutBlock) section(s -> s.text(markdownText(text))))
        .toList();
  }

  /** Raw text escaped, its lines after the first indented by {@link #INDENT}. */
  static String body(String text) {
    return Mrkdwn.escape(text.strip()).replaceAll("[ \\t]*\\R[ \\t]*", "\n" + INDENT);
  }

  /** Raw text on one line: line breaks and the spaces around them become one space. */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String author(RetroItem item, boolean named) {
    return named && item.author() != null ? " — <@" + item.author() + ">" : "";
  }
}
