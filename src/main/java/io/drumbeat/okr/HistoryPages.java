package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a KR's week-over-week history ({@code /okr-update history KR}), newest week first.
 * Within Block Kit's limits for any notes: {@value #WEEKS_PER_PAGE} weeks per page, each week's
 * section cut at {@value #MAX_WEEK_CHARS} characters, so a page has at most 7 blocks and stays well
 * under Slack's message size.
 */
final class HistoryPages {
  /** {@code action_id} of the Newer / Older buttons; the value is "QUARTER KR PAGE". */
  static final String PAGE = "okr-history-page";

  /**
   * {@code action_id} of the Chart button: the KR's sparkline is shared into the reader's DM; the
   * value is "QUARTER KR".
   */
  static final String CHART = "okr-history-chart";

  /** Weeks shown on one page. */
  static final int WEEKS_PER_PAGE = 5;

  /** Longest section of one week, in characters of mrkdwn. */
  static final int MAX_WEEK_CHARS = 1800;

  /** Most characters of JSON of the week sections on one page. */
  static final int MAX_PAGE_JSON = 8000;

  private HistoryPages() {}

  /**
   * The week sections, newest first, split into pages.
   *
   * @param history oldest first
   */
  static List<List<LayoutBlock>> pages(KeyResult kr, List<CheckIn> history) {
    List<CheckIn> newestFirst = new ArrayList<>(history);
    java.util.Collections.reverse(newestFirst);
    List<List<LayoutBlock>> pages = new ArrayList<>();
    List<LayoutBlock> current = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < newestFirst.size(); i++) {
      CheckIn c = newestFirst.get(i);
      CheckIn before = i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : null;
      String note = c.note() == null || c.note().isBlank() ? "" : "\n" + Mrkdwn.escape(c.note());
      String text =
          "*" + Mrkdwn.escape(c.isoWeek()) + "* · " + CheckInText.facts(kr, c, before) + note;
      LayoutBlock week = section(s -> s.text(markdownText(Mrkdwn.truncate(text, MAX_WEEK_CHARS))));
      int cost = MessagePacker.jsonSize(week);
      if (!current.isEmpty() && (current.size() == WEEKS_PER_PAGE || size + cost > MAX_PAGE_JSON)) {
        pages.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(week);
      size += cost;
    }
    pages.add(current);
    return pages;
  }

  /**
   * Page {@code page} (0 = newest weeks) of {@code history}.
   *
   * @param history the KR's check-ins this quarter, oldest first
   * @param page from 0; clamped to the last page
   */
  static List<LayoutBlock> page(KeyResult kr, List<CheckIn> history, int page) {
    List<List<LayoutBlock>> all = pages(kr, history);
    int pages = all.size();
    int p = Math.min(Math.max(page, 0), pages - 1);
    List<LayoutBlock> blocks = new ArrayList<>();
    String head =
        ":chart_with_upwards_trend: *Check-ins of "
            + Mrkdwn.truncate(CheckInText.title(kr), 1000)
            + "* in "
            + Mrkdwn.escape(kr.quarter())
            + " · "
            + Mrkdwn.escape(kr.describeTarget())
            + " · <@"
            + kr.ownerId()
            + ">"
            + (pages > 1 ? " · page " + (p + 1) + " of " + pages : "");
    blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(head, Mrkdwn.MAX_TEXT)))));
    if (history.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("No check-ins yet this quarter."))));
    }
    blocks.addAll(all.get(p));
    List<BlockElement> buttons = new ArrayList<>();
    String base = kr.quarter() + " " + kr.krKey() + " ";
    if (p > 0) {
      buttons.add(button(b -> b.actionId(PAGE).text(plainText("Newer")).value(base + (p - 1))));
    }
    if (p < pages - 1) {
      buttons.add(
          button(b -> b.actionId(PAGE + "-older").text(plainText("Older")).value(base + (p + 1))));
    }
    if (!history.isEmpty()) {
      buttons.add(
          button(
              b ->
                  b.actionId(CHART)
                      .text(plainText("Chart"))
                      .value(kr.quarter() + " " + kr.krKey())));
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.elements(buttons)));
    }
    return blocks;
  }
}
