package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.drumbeat.slack.MessagePacker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetroAnnouncementTest {
  static final Instant AT = Instant.parse("2026-11-20T17:30:00Z");

  static Retro retro(RetroPhase phase, boolean named) {
    return new Retro(
        7, "C0RETRO", "Q4 retro", "U0FAC1", phase, named, 3, "FY2027-Q4", "1.2", AT, null);
  }

  static List<ActionItem> actions(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new ActionItem(
                    i,
                    1,
                    "C0RETRO",
                    "x".repeat(900) + " #" + i,
                    "U0OWN" + i,
                    LocalDate.of(2026, 12, 1),
                    AT,
                    null,
                    null,
                    null))
        .toList();
  }

  @Test
  void a_huge_scorecard_and_many_open_actions_still_fit_one_message_and_go_in_full_to_the_thread() {
    List<String> scorecard =
        IntStream.range(0, 200).mapToObj(i -> "*KR" + i + "* " + "y".repeat(200)).toList();
    List<ActionItem> carried = actions(150);

    List<LayoutBlock> blocks =
        RetroAnnouncement.blocks(
            new RetroState(retro(RetroPhase.COLLECTING, false), 80, 0, 0), scorecard, carried);

    assertThat(blocks.size()).isLessThanOrEqualTo(MessagePacker.MAX_BLOCKS);
    assertThat(MessagePacker.pack(blocks)).hasSize(1);
    blocks.stream()
        .filter(SectionBlock.class::isInstance)
        .forEach(
            b ->
                assertThat(((SectionBlock) b).getText().getText().length())
                    .isLessThanOrEqualTo(3000));
    assertThat(RetroAnnouncement.isCut(scorecard, carried)).isTrue();
    String full = RetroAnnouncement.fullLists(scorecard, carried).toString();
    assertThat(full).contains("*KR199*", "#149");
  }

  @Test
  void each_phase_shows_its_own_buttons_and_never_item_texts() {
    assertThat(buttons(RetroPhase.COLLECTING, false)).containsExactly(RetroAnnouncement.ADD_ITEM);
    assertThat(buttons(RetroPhase.COLLECTING, true))
        .containsExactly(RetroAnnouncement.ADD_ITEM, RetroAnnouncement.MY_ITEMS);
    assertThat(buttons(RetroPhase.VOTING, false)).containsExactly(RetroVoting.VOTE);
    assertThat(buttons(RetroPhase.DISCUSSING, false)).containsExactly(RetroAnnouncement.ADD_ACTION);
    assertThat(buttons(RetroPhase.CLOSED, false)).isEmpty();
  }

  static List<String> buttons(RetroPhase phase, boolean named) {
    return RetroAnnouncement.blocks(
            new RetroState(retro(phase, named), 3, 1, 0), List.of(), List.of())
        .stream()
        .filter(com.slack.api.model.block.ActionsBlock.class::isInstance)
        .flatMap(b -> ((com.slack.api.model.block.ActionsBlock) b).getElements().stream())
        .map(e -> ((com.slack.api.model.block.element.ButtonElement) e).getActionId())
        .toList();
  }
}
