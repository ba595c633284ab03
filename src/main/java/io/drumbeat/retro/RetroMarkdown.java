package io.drumbeat.retro;

import io.drumbeat.okr.CheckIn;
import io.drumbeat.okr.CheckInText;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.ScorecardLine;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.text.MarkdownEscape;
import java.util.List;

/**
 * A retro's notes as a Markdown document, with the content of {@link RetroNotes#notes}. User text
 * is escaped by {@link MarkdownEscape}; people appear as their Slack ids ("@U0AAA1"), and authors
 * only in a named retro.
 */
final class RetroMarkdown {
  private RetroMarkdown() {}

  /** The whole document, ending in a line break. */
  static String render(RetroReport report) {
    Retro retro = report.retro();
    StringBuilder md = new StringBuilder("# Retro notes: ");
    md.append(MarkdownEscape.line(retro.title())).append("\n\n");
    md.append(RetroNotes.summary(report)).append("\n");
    if (retro.okrQuarter() != null) {
      md.append("\n## OKR scorecard: ")
          .append(MarkdownEscape.line(retro.okrQuarter()))
          .append("\n");
      scorecard(md, report.scorecard());
    }
    for (RetroCategory category : RetroCategory.values()) {
      List<RetroItem> items =
          report.items().stream().filter(i -> i.category() == category).toList();
      if (!items.isEmpty()) {
        md.append("\n## ").append(category.heading()).append("\n\n");
        items.forEach(i -> md.append("- ").append(item(i, retro.named())).append("\n"));
      }
    }
    if (report.items().isEmpty()) {
      md.append("\nNo items were written.\n");
    }
    if (!report.ranked().isEmpty()) {
      md.append("\n## Topics by votes\n\n");
      int rank = 0;
      for (RankedTopic topic : report.ranked()) {
        md.append(++rank).append(". ").append(topic(topic, retro.named())).append("\n");
      }
    }
    md.append("\n## Action items\n\n");
    report.actions().forEach(a -> md.append(action(a)).append("\n"));
    if (report.actions().isEmpty()) {
      md.append("No action items.\n");
    }
    if (!report.carriedOver().isEmpty()) {
      md.append("\n## Still open from earlier retros\n\n");
      report.carriedOver().forEach(a -> md.append(action(a)).append("\n"));
    }
    return md.toString();
  }

  private static void scorecard(StringBuilder md, List<ScorecardLine> lines) {
    if (lines.isEmpty()) {
      md.append("\nNo key results imported for this quarter.\n");
    }
    String objective = null;
    for (ScorecardLine line : lines) {
      KeyResult kr = line.kr();
      if (!kr.objectiveKey().equals(objective)) {
        objective = kr.objectiveKey();
        md.append("\n### ").append(MarkdownEscape.line(line.objectiveTitle())).append("\n\n");
      }
      CheckIn last = line.last();
      String facts =
          last == null
              ? "no check-in · " + MarkdownEscape.line(kr.describeTarget())
              : last.status().label()
                  + " ("
                  + MarkdownEscape.line(last.isoWeek())
                  + ") · "
                  + MarkdownEscape.line(CheckInText.plainValueVsTarget(kr, last.currentValue()));
      md.append("- **").append(MarkdownEscape.line(kr.krKey())).append("** ");
      md.append(MarkdownEscape.line(kr.title())).append(": ").append(facts);
      md.append(" · grade ").append(line.grade());
      md.append(" · @").append(MarkdownEscape.line(kr.ownerId())).append("\n");
      md.append(io.drumbeat.okr.ScorecardExport.retro(line.retro(), "  "));
    }
  }

  private static String item(RetroItem item, boolean named) {
    return MarkdownEscape.lines(item.text(), "  ") + author(item, named);
  }

  private static String topic(RankedTopic topic, boolean named) {
    int votes = topic.votes();
    return "**"
        + (votes == 1 ? "1 vote" : votes + " votes")
        + "** · "
        + topic.item().category().heading()
        + " · "
        + MarkdownEscape.line(
            Mrkdwn.truncate(NotesText.oneLine(topic.item().text()), NotesText.TOPIC_PREVIEW))
        + author(topic.item(), named);
  }

  private static String action(ActionItem action) {
    return (action.isOpen() ? "- [ ] " : "- [x] ")
        + MarkdownEscape.lines(action.text(), "  ")
        + " — @"
        + MarkdownEscape.line(action.owner())
        + (action.dueDate() == null ? "" : ", due " + action.dueDate());
  }

  private static String author(RetroItem item, boolean named) {
    return named && item.author() != null ? " — @" + MarkdownEscape.line(item.author()) : "";
  }
}
