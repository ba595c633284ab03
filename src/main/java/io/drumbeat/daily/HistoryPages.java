package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a member's updates into the content of history pages, greedily and deterministically: room
 * is kept on every page for the heading and the buttons (sized for the largest page numbers), an
 * update starts a new page when it does not fit whole, and one too long for a page goes on over the
 * next after a "continued" line.
 */
final class HistoryPages {
  /** Page number used to size the heading and buttons: more digits than any real page. */
  private static final int LARGE_PAGE = Integer.MAX_VALUE;

  private final int maxBlocks = MessagePacker.MAX_BLOCKS - 2;
  private final int budget;
  private final List<List<LayoutBlock>> pages = new ArrayList<>();
  private List<LayoutBlock> current = new ArrayList<>();
  private int size;

  private HistoryPages(int budget) {
    this.budget = budget;
  }

  /**
   * The content blocks of each page, in order; at least one page for a non-empty list.
   *
   * @param q the query (its heading and buttons take room on every page)
   * @param newestFirst the updates, newest first
   */
  static List<List<LayoutBlock>> split(HistoryQuery q, List<DailyUpdate> newestFirst) {
    int reserve =
        MessagePacker.jsonSize(DailyHistory.heading(q, LARGE_PAGE, LARGE_PAGE))
            + MessagePacker.jsonSize(DailyHistory.buttons(q, LARGE_PAGE - 1, LARGE_PAGE));
    HistoryPages split = new HistoryPages(MessagePacker.MAX_JSON_CHARS - reserve);
    for (DailyUpdate update : newestFirst) {
      split.add(update);
    }
    split.close();
    return split.pages;
  }

  /** The update's first line, e.g. {@code "*Sunday 2026-11-01*"}. */
  static String dateLine(LocalDate date) {
    return "*"
        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " "
        + date
        + "*";
  }

  private void add(DailyUpdate update) {
    LayoutBlock continued = continued(update.localDate());
    int continuedSize = MessagePacker.jsonSize(continued);
    List<Sized> blocks = new ArrayList<>();
    String text = dateLine(update.localDate()) + "\n" + DailyText.mrkdwn(update);
    for (String piece : Mrkdwn.chunk(text, Mrkdwn.MAX_TEXT)) {
      sections(piece, budget - continuedSize, blocks);
    }
    if (!fits(blocks.size(), blocks.stream().mapToInt(Sized::size).sum())) {
      close();
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (!fits(1, blocks.get(i).size())) {
        close();
        if (i > 0) {
          put(new Sized(continued, continuedSize));
        }
      }
      put(blocks.get(i));
    }
  }

  /**
   * Adds {@code piece} as sections, halving it while its JSON passes {@code limit} (text that JSON
   * escapes heavily, such as apostrophes, can make a 3000-character text too large for a page).
   */
  private static void sections(String piece, int limit, List<Sized> out) {
    LayoutBlock block = section(s -> s.text(markdownText(piece)));
    int size = MessagePacker.jsonSize(block);
    if (size <= limit || piece.length() < 2) {
      out.add(new Sized(block, size));
      return;
    }
    for (String half : Mrkdwn.chunk(piece, (piece.length() + 1) / 2)) {
      sections(half, limit, out);
    }
  }

  private static LayoutBlock continued(LocalDate date) {
    String text = "_" + date + ", continued_";
    return context(c -> c.elements(List.of(markdownText(text))));
  }

  private boolean fits(int blocks, int jsonSize) {
    return current.isEmpty() || (current.size() + blocks <= maxBlocks && size + jsonSize <= budget);
  }

  private void put(Sized block) {
    current.add(block.block());
    size += block.size();
  }

  /** A block and its JSON size. */
  private record Sized(LayoutBlock block, int size) {}

  private void close() {
    if (!current.isEmpty()) {
      pages.add(List.copyOf(current));
      current = new ArrayList<>();
      size = 0;
    }
  }
}
