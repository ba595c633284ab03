package io.drumbeat.okr.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the chart inputs become points, lines, ticks and labels. */
class TrendDataTest {
  private static final List<String> WEEKS = List.of("2026-W06", "2026-W07", "2026-W08");

  @Test
  void a_week_without_a_check_in_is_a_gap_not_zero() {
    KrSeries kr =
        new KrSeries(
            "KR1.1",
            "t",
            "o",
            List.of(new WeekPoint("2026-W08", 40), new WeekPoint("2026-W06", 10)));

    double[] drawn = TrendPanel.progress(kr, WEEKS);

    assertThat(drawn[0]).isEqualTo(10);
    assertThat(drawn[1]).isNaN();
    assertThat(drawn[2]).isEqualTo(40);
  }

  @Test
  void progress_outside_0_to_100_is_clamped_for_drawing() {
    KrSeries kr =
        new KrSeries(
            "KR1.1",
            "t",
            "o",
            List.of(new WeekPoint("2026-W06", -12.5), new WeekPoint("2026-W07", 130)));

    assertThat(TrendPanel.progress(kr, WEEKS)).startsWith(0, 100);
    assertThat(kr.points().get(1).progress()).isEqualTo(130); // the data keeps the true value
  }

  @Test
  void points_in_weeks_outside_the_quarter_are_not_drawn() {
    KrSeries kr = new KrSeries("KR1.1", "t", "o", List.of(new WeekPoint("2026-W30", 50)));

    assertThat(TrendPanel.progress(kr, WEEKS)).containsOnly(Double.NaN);
  }

  @Test
  void expected_pace_runs_from_0_in_the_first_week_to_100_in_the_last() {
    double[] pace = TrendPanel.pace(13);

    assertThat(pace[0]).isEqualTo(0);
    assertThat(pace[6]).isEqualTo(50);
    assertThat(pace[12]).isEqualTo(100);
    assertThat(TrendPanel.pace(1)).containsExactly(100);
  }

  @Test
  void y_ticks_are_labelled_every_20_percent_only() {
    assertThat(TrendStyle.percent(40)).isEqualTo("40 %");
    assertThat(TrendStyle.percent(100.0000000001)).isEqualTo("100 %");
    assertThat(TrendStyle.percent(50)).isEmpty();
    assertThat(TrendStyle.percent(12.5)).isEmpty();
  }

  @Test
  void x_ticks_show_the_week_part_of_each_iso_week() {
    assertThat(Labels.week(WEEKS, 1)).isEqualTo("W06");
    assertThat(Labels.week(WEEKS, 3)).isEqualTo("W08");
    assertThat(Labels.week(WEEKS, 1.5)).isEmpty();
    assertThat(Labels.week(WEEKS, 4)).isEmpty();
  }

  @Test
  void long_titles_are_cut_with_an_ellipsis_to_fit_their_width() {
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    String title = "Make search fast and reliable for our largest customers everywhere";

    String fitted = Labels.fit(title, font, 200);

    assertThat(fitted).endsWith("…").hasSizeLessThan(title.length());
    assertThat(title).startsWith(fitted.substring(0, fitted.length() - 1));
    assertThat(Labels.fit("Short\nand\tsweet", font, 400)).isEqualTo("Short and sweet");
  }

  @Test
  void inputs_that_cannot_be_charted_are_refused() {
    assertThatThrownBy(() -> new WeekPoint("2026-W06", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KrSeries(
                    "KR1.1",
                    "t",
                    "o",
                    List.of(new WeekPoint("2026-W06", 1), new WeekPoint("2026-W06", 2))))
        .hasMessageContaining("two points in 2026-W06");
    KrSeries kr = new KrSeries("KR1.1", "t", "o", List.of());
    assertThatThrownBy(
            () -> new QuarterTrend("FY2027-Q1", List.of("2026-W06", "2026-W06"), List.of()))
        .hasMessageContaining("repeats");
    assertThatThrownBy(() -> new QuarterTrend("FY2027-Q1", WEEKS, List.of(kr, kr)))
        .hasMessageContaining("two KRs have the key KR1.1");
  }

  @Test
  void a_drawing_failure_becomes_a_chart_exception_naming_the_chart() {
    assertThatThrownBy(
            () ->
                Png.render(
                    "x.png",
                    "OKR progress per ISO week, FY2027-Q1",
                    () -> {
                      throw new IllegalStateException("Fontconfig head is null");
                    }))
        .isInstanceOf(ChartException.class)
        .isInstanceOf(io.drumbeat.DrumbeatException.class)
        .hasMessageContaining("OKR progress per ISO week, FY2027-Q1")
        .hasRootCauseMessage("Fontconfig head is null");
  }

  @Test
  void krs_are_grouped_by_objective_in_order_of_first_appearance() {
    KrSeries a = new KrSeries("KR1", "a", "Speed", List.of());
    KrSeries b = new KrSeries("KR2", "b", "Growth", List.of());
    KrSeries c = new KrSeries("KR3", "c", "Speed", List.of());

    var groups = new QuarterTrend("FY2027-Q1", WEEKS, List.of(a, b, c)).byObjective();

    assertThat(groups.keySet()).containsExactly("Speed", "Growth");
    assertThat(groups.get("Speed")).containsExactly(a, c);
  }
}
