package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.delivery.Content;
import io.drumbeat.slack.MessagePacker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages of a change and history pages stay within Block Kit's limits for any size. */
class ChangeMessagesTest {
  static final String LONG = "<&>".repeat(170); // 510 characters, 2040 escaped

  static int jsonSize(List<LayoutBlock> blocks) {
    return blocks.stream().mapToInt(MessagePacker::jsonSize).sum();
  }

  @Test
  void a_diff_of_60_changed_krs_with_long_titles_fits_one_message_and_counts_the_rest()
      throws Exception {
    List<KeyResult> before = new ArrayList<>();
    List<KeyResult> after = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      before.add(kr("KR" + i, LONG, "U0AAA1", "10"));
      after.add(kr("KR" + i, LONG, "U0BBB2", "20"));
    }
    List<KrDiff> diff = OkrDiff.between(before, after);

    Content dm = ChangeMessages.request(7, "FY2027-Q4", "U0CCC3", diff);

    assertThat(diff).hasSize(60);
    com.fasterxml.jackson.databind.JsonNode blocks =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(dm.blocks());
    assertThat(blocks.size()).isLessThanOrEqualTo(MessagePacker.MAX_BLOCKS);
    assertThat(dm.blocks().length()).isLessThan(MessagePacker.MAX_JSON_CHARS);
    assertThat(dm.blocks())
        .contains("more changed key results", ChangeMessages.APPROVE)
        .doesNotContain("<&>");
  }

  @Test
  void a_history_page_of_weeks_with_3000_character_notes_stays_small() {
    KeyResult kr = kr("KR1.1", LONG, "U0AAA1", "10");
    List<CheckIn> weeks = new ArrayList<>();
    for (int w = 44; w <= 57 - 5; w++) {
      weeks.add(
          new CheckIn(
              "FY2027-Q4",
              "KR1.1",
              "2026-W" + w,
              CheckInStatus.ON_TRACK,
              BigDecimal.ONE,
              5,
              "&".repeat(3000),
              "U0AAA1",
              Instant.EPOCH,
              null,
              null));
    }

    int pages = HistoryPages.pages(kr, weeks).size();

    assertThat(HistoryPages.pages(kr, weeks).stream().mapToInt(List::size).sum()).isEqualTo(9);
    for (int p = 0; p < pages; p++) {
      List<LayoutBlock> page = HistoryPages.page(kr, weeks, p);
      assertThat(page.size()).isLessThanOrEqualTo(7);
      assertThat(jsonSize(page)).isLessThan(MessagePacker.MAX_JSON_CHARS);
    }
  }

  static KeyResult kr(String key, String title, String owner, String target) {
    return new KeyResult(
        "FY2027-Q4", key, "O1", title, owner, null, new BigDecimal(target), "ms", 0);
  }
}
