package io.drumbeat.okr.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Renders one KR's trend over its quarter as a small image ({@value #WIDTH}×{@value #HEIGHT} px),
 * for the owner's check-in confirmation: the KR's weekly progress (0–100 %, gaps where there was no
 * check-in), the expected-pace line, the KR as title, axis titles, and a legend to the right.
 *
 * <p>Stateless and thread-safe. Constructing one sets {@code java.awt.headless=true} unless that
 * property is set already.
 */
public final class KrSparkline {
  /** Image width in pixels. */
  public static final int WIDTH = 600;

  /** Image height in pixels. */
  public static final int HEIGHT = 200;

  /** Height of the title band above the chart, in pixels. */
  private static final int HEADER = 28;

  private static final int MARGIN = 10;

  /** Makes AWT headless unless {@code java.awt.headless} is set already. */
  public KrSparkline() {
    Png.headless();
  }

  /**
   * Draws the KR's trend.
   *
   * @param quarter the quarter's name, e.g. {@code "FY2027-Q1"}
   * @param isoWeeks the quarter's ISO weeks in order, as for {@link QuarterTrend}
   * @param kr the KR; points in weeks outside {@code isoWeeks} are not drawn
   * @return the image, named {@code kr-trend-<krKey>-<quarter>.png}
   * @throws IllegalArgumentException if {@code isoWeeks} is empty or repeats a week
   * @throws ChartException if drawing or PNG encoding fails (e.g. no font installed)
   */
  public ChartImage render(String quarter, List<String> isoWeeks, KrSeries kr) {
    QuarterTrend trend = new QuarterTrend(quarter, isoWeeks, List.of(kr));
    String name = Labels.fileSafe("kr-trend-" + kr.krKey() + "-" + quarter) + ".png";
    return Png.render(name, kr.krKey() + " progress, " + quarter, () -> draw(trend, kr));
  }

  /**
   * The KR as title, drawn by hand across the whole width (XChart centres titles over the plot,
   * which the legend pushes left), and the chart below it.
   */
  private static BufferedImage draw(QuarterTrend trend, KrSeries kr) {
    String title = Labels.fit(kr.krKey() + " " + kr.title(), TrendStyle.TITLE, WIDTH - 2 * MARGIN);
    XYChart chart =
        TrendPanel.chart(
            "", trend.isoWeeks(), List.of(kr), WIDTH, HEIGHT - HEADER, KrSeries::krKey);
    chart.getStyler().setChartTitleVisible(false);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setChartPadding(6);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Png.antialias(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(TrendStyle.TEXT);
      g.setFont(TrendStyle.TITLE);
      g.drawString(title, MARGIN, 21);
      g.translate(0, HEADER);
      chart.paint(g, WIDTH, HEIGHT - HEADER);
    } finally {
      g.dispose();
    }
    return image;
  }
}
