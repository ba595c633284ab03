package io.drumbeat.okr.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterChartTest {
  private final QuarterChart chart = new QuarterChart();

  @Test
  void quarter_chart_is_a_decodable_png_1200_px_wide_with_a_panel_per_objective() {
    List<ChartImage> images = chart.render(ChartSamples.quarter(5, 4, 9));

    assertThat(images).hasSize(1);
    ChartImage image = images.get(0);
    BufferedImage decoded = Pngs.decode(image);
    assertThat(decoded.getWidth()).isEqualTo(QuarterChart.WIDTH);
    // header, then 3 rows of 2 panels: each the plot plus a legend of 4 KRs and the pace line
    int row = QuarterChart.PLOT_HEIGHT + PanelLegend.height(4) + 16;
    assertThat(decoded.getHeight()).isEqualTo(72 + 3 * row);
    assertThat(image.size()).isBetween(20_000, 1_000_000);
    assertThat(image.filename()).isEqualTo("okr-trend-FY2027-Q1.png");
    assertThat(image.title()).isEqualTo("OKR progress per ISO week, FY2027-Q1");
  }

  @Test
  void sixty_krs_in_twelve_objectives_render_as_two_images_within_seconds() {
    QuarterTrend quarter = ChartSamples.quarter(12, 5, 13);

    long start = System.nanoTime();
    List<ChartImage> images = chart.render(quarter);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    System.out.printf(
        "60 KRs / 12 objectives / 13 weeks: %d ms, %s%n",
        took.toMillis(),
        images.stream().map(i -> i.width() + "x" + i.height() + " " + i.size() + " B").toList());
    assertThat(took).isLessThan(Duration.ofSeconds(20));
    assertThat(images)
        .extracting(ChartImage::filename)
        .containsExactly("okr-trend-FY2027-Q1-1.png", "okr-trend-FY2027-Q1-2.png");
    assertThat(images)
        .extracting(ChartImage::title)
        .containsExactly(
            "OKR progress per ISO week, FY2027-Q1 (1 of 2)",
            "OKR progress per ISO week, FY2027-Q1 (2 of 2)");
    for (ChartImage image : images) {
      assertThat(Pngs.decode(image).getWidth()).isEqualTo(1200);
      assertThat(image.height()).isBetween(1000, 2000);
      assertThat(image.size()).isBetween(50_000, 1_500_000);
    }
  }

  @Test
  void seven_objectives_make_an_image_of_six_panels_and_one_of_one() {
    List<ChartImage> images = chart.render(ChartSamples.quarter(7, 2, 5));

    assertThat(images).hasSize(2);
    assertThat(images.get(0).height()).isGreaterThan(images.get(1).height());
    Pngs.decode(images.get(1));
  }

  @Test
  void rendering_runs_headless() {
    chart.render(ChartSamples.quarter(1, 1, 3));

    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void a_renderer_turns_headless_on_when_nobody_set_it() {
    String before = System.clearProperty("java.awt.headless");
    try {
      new QuarterChart();

      assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    } finally {
      if (before != null) {
        System.setProperty("java.awt.headless", before);
      }
    }
  }

  @Test
  void a_quarter_without_krs_renders_no_image() {
    assertThat(chart.render(new QuarterTrend("FY2027-Q1", ChartSamples.weeks(), List.of())))
        .isEmpty();
  }

  @Test
  void quarters_of_one_two_and_fourteen_weeks_render() {
    for (int weeks : new int[] {1, 2, 14}) {
      List<String> isoWeeks =
          java.util.stream.IntStream.rangeClosed(1, weeks)
              .mapToObj(w -> String.format("2026-W%02d", w))
              .toList();
      KrSeries kr =
          new KrSeries("KR1.1", "Ship it", "Objective", List.of(new WeekPoint("2026-W01", 50)));
      List<ChartImage> images = chart.render(new QuarterTrend("FY2027-Q1", isoWeeks, List.of(kr)));

      assertThat(images).hasSize(1);
      Pngs.decode(images.get(0));
    }
  }

  @Test
  void the_lines_use_the_okabe_ito_palette_and_the_grey_pace_line() {
    BufferedImage image = Pngs.decode(chart.render(ChartSamples.quarter(1, 3, 13)).get(0));

    assertThat(Pngs.pixelsOf(image, 0x0072B2)).as("blue").isGreaterThan(100);
    assertThat(Pngs.pixelsOf(image, 0xD55E00)).as("vermillion").isGreaterThan(100);
    assertThat(Pngs.pixelsOf(image, 0x009E73)).as("bluish green").isGreaterThan(100);
    assertThat(Pngs.pixelsOf(image, 0x6E6E6E)).as("pace grey").isGreaterThan(50);
  }

  @Test
  void writes_sample_charts_under_target_to_look_at() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "chart-samples"));
    for (ChartImage image : chart.render(ChartSamples.quarter(5, 4, 9))) {
      Files.write(dir.resolve(image.filename()), image.png());
    }
    QuarterTrend one = ChartSamples.quarter(1, 5, 9);
    for (KrSeries kr : one.keyResults()) {
      ChartImage image = new KrSparkline().render(one.quarter(), one.isoWeeks(), kr);
      Files.write(dir.resolve(image.filename()), image.png());
    }

    assertThat(dir.resolve("okr-trend-FY2027-Q1.png")).isNotEmptyFile();
    assertThat(dir.resolve("kr-trend-KR1.5-FY2027-Q1.png")).isNotEmptyFile();
  }
}
