package io.drumbeat.retro;

import static io.drumbeat.retro.NotesFixtures.action;
import static io.drumbeat.retro.NotesFixtures.item;
import static io.drumbeat.retro.NotesFixtures.retro;
import static io.drumbeat.retro.NotesFixtures.squash;
import static io.drumbeat.retro.NotesFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.text.MarkdownEscape;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Notes and topics of a huge retro stay within Block Kit limits and lose nothing. */
class RetroNotesScaleTest {
  static final RetroCategory[] CATEGORIES = RetroCategory.values();

  /** 300 items of 1000 characters (each with a channel ping), 100 actions, a 60-KR scorecard. */
  static RetroReport huge(boolean named) {
    List<RetroItem> items =
        IntStream.range(0, 300)
            .mapToObj(
                i ->
                    item(
                        i + 1,
                        CATEGORIES[i % CATEGORIES.length],
                        text("item-" + i + " <!channel> <@U0EVIL> *bold*", 1000),
                        "U0AUTH" + i))
            .toList();
    List<RankedTopic> ranked =
        RetroReports.rank(
            items, IntStream.range(0, 300).mapToObj(i -> new VoteCount(i + 1, i % 7)).toList());
    List<ActionItem> actions =
        IntStream.range(0, 100)
            .mapToObj(
                i ->
                    action(
                        1000 + i,
                        text("action-" + i + " <!here>", 1000),
                        "U0OWNER" + i,
                        LocalDate.of(2026, 12, 1).plusDays(i),
                        i % 2 == 0))
            .toList();
    return new RetroReport(
        retro(RetroPhase.CLOSED, named, "FY2027-Q1"),
        NotesFixtures.scorecard(60),
        items,
        ranked,
        42,
        actions,
        actions.subList(0, 10));
  }

  static void assertWithinLimits(List<List<LayoutBlock>> messages) {
    assertThat(messages).isNotEmpty();
    for (List<LayoutBlock> message : messages) {
      assertThat(message).isNotEmpty().hasSizeLessThanOrEqualTo(MessagePacker.MAX_BLOCKS);
      assertThat(message.stream().mapToInt(MessagePacker::jsonSize).sum())
          .isLessThanOrEqualTo(MessagePacker.MAX_JSON_CHARS);
      for (LayoutBlock block : message) {
        if (block instanceof HeaderBlock h) {
          assertThat(h.getText().getText()).isNotBlank().hasSizeLessThanOrEqualTo(150);
        } else if (block instanceof SectionBlock s) {
          assertThat(s.getText().getText()).isNotBlank().hasSizeLessThanOrEqualTo(3000);
        }
      }
    }
    assertThat(NotesFixtures.texts(messages))
        .noneMatch(t -> t.contains("<!channel>") || t.contains("<!here>"))
        .noneMatch(t -> t.contains("<@U0EVIL>"));
  }

  @Test
  void notes_of_a_huge_retro_fit_block_kit_limits_and_show_every_item_action_and_kr() {
    RetroReport report = huge(false);

    List<List<LayoutBlock>> messages = RetroNotes.notes(report);

    assertWithinLimits(messages);
    String all = NotesFixtures.squashed(messages);
    report.items().forEach(i -> assertThat(all).contains(squash(Mrkdwn.escape(i.text()))));
    report.actions().forEach(a -> assertThat(all).contains(squash(Mrkdwn.escape(a.text()))));
    report.scorecard().forEach(l -> assertThat(all).contains("*" + l.kr().krKey() + "*"));
    assertThat(all).doesNotContain("U0AUTH");
  }

  @Test
  void topics_of_a_huge_retro_fit_block_kit_limits_and_show_every_item_in_full() {
    RetroReport report = huge(true);

    List<List<LayoutBlock>> messages = RetroNotes.topics(report);

    assertWithinLimits(messages);
    String all = NotesFixtures.squashed(messages);
    report.items().forEach(i -> assertThat(all).contains(squash(Mrkdwn.escape(i.text()))));
    assertThat(all).contains("<@U0AUTH0>", "<@U0AUTH299>");
  }

  @Test
  void the_markdown_of_a_huge_retro_has_every_item() {
    RetroReport report = huge(false);

    String md = RetroNotes.markdown(report);

    report.items().forEach(i -> assertThat(md).contains(MarkdownEscape.line(i.text())));
    assertThat(md).doesNotContain("<!channel>", "<@U0EVIL>", "U0AUTH");
  }
}
