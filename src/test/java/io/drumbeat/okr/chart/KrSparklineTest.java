package io.drumbeat.okr.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrSparklineTest {
  private final KrSparkline sparkline = new KrSparkline();
  private final List<String> weeks = ChartSamples.weeks();

  @Test
  void sparkline_is_a_decodable_600_by_200_png_named_after_the_kr() {
    KrSeries kr = ChartSamples.quarter(1, 2, 9).keyResults().get(1);

    ChartImage image = sparkline.render("FY2027-Q1", weeks, kr);

    BufferedImage decoded = Pngs.decode(image);
    assertThat(decoded.getWidth()).isEqualTo(600);
    assertThat(decoded.getHeight()).isEqualTo(200);
    assertThat(image.size()).isBetween(5_000, 200_000);
    assertThat(image.filename()).isEqualTo("kr-trend-KR1.2-FY2027-Q1.png");
    assertThat(image.title()).isEqualTo("KR1.2 progress, FY2027-Q1");
    assertThat(Pngs.pixelsOf(decoded, 0x0072B2)).as("the KR's line").isGreaterThan(50);
    assertThat(Pngs.pixelsOf(decoded, 0x6E6E6E)).as("the pace line").isGreaterThan(20);
  }

  @Test
  void a_kr_without_check_ins_draws_only_the_pace_line() {
    KrSeries kr = new KrSeries("KR3.1", "Nothing yet", "Objective", List.of());

    BufferedImage decoded = Pngs.decode(sparkline.render("FY2027-Q1", weeks, kr));

    assertThat(Pngs.pixelsOf(decoded, 0x6E6E6E)).isGreaterThan(20);
  }

  @Test
  void a_kr_key_with_odd_characters_gives_a_safe_file_name() {
    KrSeries kr = new KrSeries("KR 1/2", "Odd", "Objective", List.of());

    assertThat(sparkline.render("FY2027-Q1", weeks, kr).filename())
        .isEqualTo("kr-trend-KR-1-2-FY2027-Q1.png");
  }

  @Test
  void a_quarter_without_weeks_is_refused() {
    KrSeries kr = new KrSeries("KR1.1", "t", "o", List.of());

    assertThatThrownBy(() -> sparkline.render("FY2027-Q1", List.of(), kr))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one ISO week");
  }
}
