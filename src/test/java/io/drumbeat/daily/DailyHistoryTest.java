package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import io.drumbeat.slack.MessagePacker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** History pages: content, escaping and Slack's limits (parsing: {@link DailyHistoryParseTest}). */
class DailyHistoryTest {
  static final LocalDate TO = LocalDate.parse("2026-11-20");
  static final HistoryQuery WEEK = new HistoryQuery("U0AAA1", TO.minusDays(6), TO);
  static final HistoryQuery YEAR = new HistoryQuery("U0AAA1", TO.minusDays(365), TO);

  static DailyUpdate update(int daysBack, String yesterday, String next, String blockers) {
    return new DailyUpdate(
        "U0AAA1",
        TO.minusDays(daysBack),
        yesterday,
        next,
        blockers,
        Instant.parse("2026-11-20T22:00:00Z"));
  }

  /** {@code count} updates, newest first, with every field {@code field(i)}. */
  static List<DailyUpdate> updates(int count, java.util.function.IntFunction<String> field) {
    return IntStream.range(0, count)
        .mapToObj(i -> update(i, field.apply(i), field.apply(i), field.apply(i)))
        .toList();
  }

  static String text(LayoutBlock block) {
    if (block instanceof SectionBlock s) {
      return s.getText().getText();
    }
    if (block instanceof ContextBlock c) {
      return ((MarkdownTextObject) c.getElements().get(0)).getText();
    }
    return "";
  }

  static List<ButtonElement> buttons(List<LayoutBlock> page) {
    return page.stream()
        .filter(b -> b instanceof ActionsBlock)
        .flatMap(b -> ((ActionsBlock) b).getElements().stream())
        .map(ButtonElement.class::cast)
        .toList();
  }

  /** Every page of the history, fetched the way the buttons do. */
  static List<List<LayoutBlock>> allPages(HistoryQuery q, List<DailyUpdate> updates) {
    String heading = text(DailyHistory.page(q, updates, 1).get(0));
    int count = Integer.parseInt(heading.replaceAll(".* of (\\d+)\\)$", "$1"));
    List<List<LayoutBlock>> pages = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      pages.add(DailyHistory.page(q, updates, n));
    }
    return pages;
  }

  static String expected(List<DailyUpdate> updates) {
    return updates.stream()
        .map(u -> HistoryPages.dateLine(u.localDate()) + "\n" + DailyText.mrkdwn(u))
        .collect(Collectors.joining());
  }

  /** The updates' text across pages, without headings and "continued" lines. */
  static String shown(List<List<LayoutBlock>> pages) {
    return pages.stream()
        .flatMap(p -> p.subList(1, p.size()).stream())
        .filter(b -> b instanceof SectionBlock)
        .map(DailyHistoryTest::text)
        .collect(Collectors.joining());
  }

  static void assertWithinSlackLimits(List<List<LayoutBlock>> pages) {
    for (List<LayoutBlock> page : pages) {
      assertThat(page).hasSizeLessThanOrEqualTo(MessagePacker.MAX_BLOCKS);
      assertThat(page.stream().mapToInt(MessagePacker::jsonSize).sum())
          .isLessThanOrEqualTo(MessagePacker.MAX_JSON_CHARS);
      assertThat(page).allSatisfy(b -> assertThat(text(b)).hasSizeLessThanOrEqualTo(3000));
    }
  }

  @Test
  void no_updates_give_one_section_saying_so() {
    List<LayoutBlock> page = DailyHistory.page(WEEK, List.of(), 1);

    assertThat(page)
        .singleElement()
        .extracting(DailyHistoryTest::text)
        .isEqualTo("No updates from 2026-11-14 to 2026-11-20.");
  }

  @Test
  void three_updates_fit_one_page_newest_first_without_buttons() {
    List<DailyUpdate> updates =
        List.of(
            update(0, "Shipped search", "Docs", null),
            update(1, "- Reviewed\n- Paired", null, "Waiting on infra"),
            update(3, "Planning", null, null));

    List<LayoutBlock> page = DailyHistory.page(WEEK, updates, 1);

    assertThat(page).hasSize(4).noneMatch(b -> b instanceof ActionsBlock);
    assertThat(text(page.get(0)))
        .isEqualTo("Daily updates of <@U0AAA1> from 2026-11-14 to 2026-11-20 (page 1 of 1)");
    assertThat(text(page.get(1))).startsWith("*Friday 2026-11-20*\n*Update:*\n• Shipped search");
    assertThat(text(page.get(2)))
        .isEqualTo(
            "*Thursday 2026-11-19*\n*Update:*\n• Reviewed\n• Paired\n*Blockers:*\n• Waiting on infra");
    assertThat(text(page.get(3))).startsWith("*Tuesday 2026-11-17*");
  }

  @Test
  void sixty_long_updates_are_paged_within_slack_limits_each_shown_exactly_once() {
    String line = "Fixed a & b <for> \"c\" — it's done\n";
    List<DailyUpdate> updates =
        updates(60, i -> (i + ": " + line.repeat(100)).substring(0, DailyUpdate.MAX_FIELD));

    List<List<LayoutBlock>> pages = allPages(YEAR, updates);

    assertThat(pages).hasSizeGreaterThan(2);
    assertWithinSlackLimits(pages);
    assertThat(shown(pages)).isEqualTo(expected(updates));
    for (DailyUpdate u : updates) {
      String date = HistoryPages.dateLine(u.localDate());
      assertThat(pages.stream().flatMap(List::stream).filter(b -> text(b).startsWith(date)))
          .hasSize(1);
    }
    for (int n = 1; n <= pages.size(); n++) {
      List<String> targets =
          buttons(pages.get(n - 1)).stream().map(ButtonElement::getValue).toList();
      List<String> expected = new ArrayList<>();
      if (n > 1) {
        expected.add(new DailyHistory.PageRef(YEAR, n - 1).encode());
      }
      if (n < pages.size()) {
        expected.add(new DailyHistory.PageRef(YEAR, n + 1).encode());
      }
      assertThat(targets).containsExactlyElementsOf(expected);
      assertThat(buttons(pages.get(n - 1)))
          .allSatisfy(b -> assertThat(b.getActionId()).matches(DailyHistory.ACTION_IDS));
    }
  }

  @Test
  void text_that_json_escapes_heavily_still_fits_each_page() {
    List<DailyUpdate> updates = updates(5, i -> "'&=".repeat(1000));

    List<List<LayoutBlock>> pages = allPages(YEAR, updates);

    assertWithinSlackLimits(pages);
    assertThat(shown(pages)).isEqualTo(expected(updates));
    assertThat(pages.get(1).get(1)).isInstanceOf(ContextBlock.class);
    assertThat(text(pages.get(1).get(1))).endsWith(", continued_");
  }

  @Test
  void many_short_updates_are_paged_by_the_block_limit() {
    List<DailyUpdate> updates = updates(200, i -> "ok " + i);

    List<List<LayoutBlock>> pages = allPages(YEAR, updates);

    assertThat(pages).hasSize(5).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(50));
    assertWithinSlackLimits(pages);
    assertThat(shown(pages)).isEqualTo(expected(updates));
  }

  @Test
  void a_page_number_out_of_range_shows_the_nearest_page() {
    List<DailyUpdate> updates = updates(200, i -> "ok " + i);

    assertThat(DailyHistory.page(YEAR, updates, 0)).isEqualTo(DailyHistory.page(YEAR, updates, 1));
    assertThat(DailyHistory.page(YEAR, updates, 99)).isEqualTo(DailyHistory.page(YEAR, updates, 5));
  }

  @Test
  void user_text_is_escaped_so_it_pings_nobody() {
    List<DailyUpdate> updates = List.of(update(0, "told <!here> & <@U0BBB2>", null, null));

    String shown = text(DailyHistory.page(WEEK, updates, 1).get(1));

    assertThat(shown).contains("told &lt;!here&gt; &amp; &lt;@U0BBB2&gt;").doesNotContain("<!");
  }
}
