package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grades, averages and the scorecard's Block Kit shape at any size. */
class ScorecardGradesTest {
  static KeyResult kr(String key, String start, String target) {
    return new KeyResult(
        "FY2027-Q1",
        key,
        "O1",
        "Title " + key,
        "U0AAA1",
        start == null ? null : new BigDecimal(start),
        target == null ? null : new BigDecimal(target),
        "ms",
        0);
  }

  static ScorecardLine line(KeyResult kr, CheckInStatus status, String value, Integer... conf) {
    CheckIn last =
        status == null
            ? null
            : new CheckIn(
                kr.quarter(),
                kr.krKey(),
                "2026-W17",
                status,
                value == null ? null : new BigDecimal(value),
                conf.length == 0 ? null : conf[conf.length - 1],
                null,
                kr.ownerId(),
                ScorecardTest.AT,
                null,
                null);
    return new ScorecardLine("Objective", kr, last, List.of(conf), null);
  }

  @Test
  void the_grade_is_progress_capped_at_one_and_floored_at_zero_to_one_decimal() {
    assertThat(line(kr("A", "0", "100"), CheckInStatus.ON_TRACK, "74").grade())
        .isEqualByComparingTo("0.7");
    assertThat(line(kr("B", "0", "100"), CheckInStatus.DONE, "130").grade())
        .isEqualByComparingTo("1.0");
    assertThat(line(kr("C", "100", "0"), CheckInStatus.OFF_TRACK, "150").grade())
        .isEqualByComparingTo("0.0");
    assertThat(line(kr("D", "1200", "500"), CheckInStatus.ON_TRACK, "600").grade())
        .isEqualByComparingTo("0.9");
  }

  @Test
  void a_kr_without_a_target_grades_one_when_done_and_zero_otherwise_or_without_check_in() {
    assertThat(line(kr("A", null, null), CheckInStatus.DONE, null).grade())
        .isEqualByComparingTo("1.0");
    assertThat(line(kr("B", null, null), CheckInStatus.AT_RISK, null).grade())
        .isEqualByComparingTo("0.0");
    assertThat(line(kr("C", "0", "10"), null, null).grade()).isEqualByComparingTo("0.0");
  }

  @Test
  void
      the_objective_average_is_the_mean_of_its_kr_grades_and_the_confidence_trend_reads_in_order() {
    ScorecardLine a = line(kr("A", "0", "100"), CheckInStatus.ON_TRACK, "70", 5, 6, 8);
    ScorecardLine b = line(kr("B", "0", "100"), CheckInStatus.AT_RISK, "40", 3);
    ScorecardLine c = line(kr("C", "0", "100"), null, null);

    assertThat(ScorecardLine.averageGrade(List.of(a, b, c))).isEqualByComparingTo("0.37");
    assertThat(a.confidenceTrend()).isEqualTo("5 → 6 → 8");
    assertThat(c.confidenceTrend()).isEqualTo("—");
  }

  @Test
  void a_60_kr_scorecard_with_long_retrospectives_fits_block_kit_limits_in_several_messages() {
    List<ScorecardLine> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      KeyResult kr =
          new KeyResult(
              "FY2027-Q1",
              "KR" + i,
              "O" + (i / 6),
              "<&>".repeat(160),
              "U0AAA1",
              BigDecimal.ZERO,
              new BigDecimal("100"),
              "%",
              i);
      KrRetro retro =
          new KrRetro(
              "FY2027-Q1",
              kr.krKey(),
              "&".repeat(300),
              "<".repeat(3000),
              ">".repeat(3000),
              "x\n".repeat(1500),
              "U0AAA1",
              ScorecardTest.AT);
      lines.add(
          new ScorecardLine(
              "Objective " + (i / 6),
              kr,
              line(kr, CheckInStatus.ON_TRACK, String.valueOf(i * 2), 5, 6).last(),
              List.of(5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3),
              retro));
    }

    List<List<LayoutBlock>> messages = ScorecardRenderer.render("FY2027-Q1", lines, true);

    assertThat(messages).hasSizeGreaterThan(1);
    int krs = 0;
    for (List<LayoutBlock> message : messages) {
      assertThat(message).hasSizeLessThanOrEqualTo(50);
      for (LayoutBlock block : message) {
        if (block instanceof SectionBlock s) {
          assertThat(s.getText().getText()).hasSizeLessThanOrEqualTo(3000);
          krs += s.getText().getText().contains("\nGrade *") ? 1 : 0;
        }
      }
    }
    assertThat(krs).isEqualTo(60);
    assertThat(messages.toString()).doesNotContain("<&>");
  }
}
