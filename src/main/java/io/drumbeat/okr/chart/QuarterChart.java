package io.drumbeat.okr.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Renders the quarter's trend chart: progress (0–100 %) per ISO week for every KR, as small
 * multiples, one panel per objective, each with its KRs' lines, the expected-pace line, a title,
 * axis titles and a legend.
 *
 * <p>Layout rule: an image holds at most {@value #MAX_PANELS} objectives, in a grid of two columns
 * (one column for a single objective), and is {@value #WIDTH} px wide. A quarter with more
 * objectives gets several images of up to {@value #MAX_PANELS} panels each, in objective order (12
 * objectives: 2 images). A panel is {@value #PLOT_HEIGHT} px high plus its legend ({@value
 * PanelLegend#ROW} px per line), so all plots have the same size and y scale; a row of the grid is
 * as high as its highest panel.
 *
 * <p>Stateless and thread-safe. Constructing one sets {@code java.awt.headless=true} unless that
 * property is set already.
 */
public final class QuarterChart {
  /** Image width in pixels. */
  public static final int WIDTH = 1200;

  /** Most objective panels in one image. */
  public static final int MAX_PANELS = 6;

  /** Height in pixels of a panel's plot with its title and axes, without the legend. */
  static final int PLOT_HEIGHT = 340;

  /** Left indent of a panel's legend, in pixels: in line with the y axis. */
  private static final int LEGEND_INDENT = 60;

  private static final int LEGEND_PADDING = 16;

  private static final int HEADER = 72;
  private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final String HOW_TO_READ =
      "Dashed grey: expected pace, 0 % in the first week to 100 % in the last."
          + " A gap: no check-in that week.";

  /** Makes AWT headless unless {@code java.awt.headless} is set already. */
  public QuarterChart() {
    Png.headless();
  }

  /**
   * Draws the quarter chart.
   *
   * @param trend the quarter's weeks and KRs
   * @return one image per group of up to {@value #MAX_PANELS} objectives, in objective order; empty
   *     when the quarter has no KRs. File names are {@code okr-trend-<quarter>.png}, or {@code
   *     okr-trend-<quarter>-<n>.png} (n from 1) when there are several.
   * @throws ChartException if drawing or PNG encoding fails (e.g. no font installed)
   */
  public List<ChartImage> render(QuarterTrend trend) {
    List<Map.Entry<String, List<KrSeries>>> objectives =
        new ArrayList<>(trend.byObjective().entrySet());
    int pages = (objectives.size() + MAX_PANELS - 1) / MAX_PANELS;
    List<ChartImage> images = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      int from = (page - 1) * MAX_PANELS;
      List<Map.Entry<String, List<KrSeries>>> shown =
          objectives.subList(from, Math.min(objectives.size(), from + MAX_PANELS));
      images.add(image(trend, shown, page, pages));
    }
    return List.copyOf(images);
  }

  private ChartImage image(
      QuarterTrend trend, List<Map.Entry<String, List<KrSeries>>> objectives, int page, int pages) {
    String suffix = pages == 1 ? "" : " (" + page + " of " + pages + ")";
    String title = "OKR progress per ISO week, " + trend.quarter() + suffix;
    String name = pages == 1 ? trend.quarter() : trend.quarter() + "-" + page;
    return Png.render(
        "okr-trend-" + Labels.fileSafe(name) + ".png", title, () -> draw(trend, objectives, title));
  }

  /** A drawn objective: its chart (plot, axes, title) and its legend's KR entries. */
  private record Panel(XYChart chart, List<String> legend) {
    int height() {
      return chart.getHeight() + PanelLegend.height(legend.size()) + LEGEND_PADDING;
    }
  }

  /** One objective's panel: a {@value #PLOT_HEIGHT} px chart without legend, and its legend. */
  private static Panel panel(QuarterTrend trend, String objective, List<KrSeries> krs, int width) {
    int textWidth = width - 110; // XChart centres the title over the plot, right of the y axis
    XYChart chart =
        TrendPanel.chart(
            Labels.fit(objective, TrendStyle.TITLE, textWidth),
            trend.isoWeeks(),
            krs,
            width,
            PLOT_HEIGHT,
            KrSeries::krKey);
    chart.getStyler().setLegendVisible(false);
    int legendWidth = width - LEGEND_INDENT - 60;
    List<String> legend =
        krs.stream()
            .map(kr -> Labels.fit(kr.krKey() + "  " + kr.title(), TrendStyle.LEGEND, legendWidth))
            .toList();
    return new Panel(chart, legend);
  }

  /**
   * Draws the header, then the panels left to right, top to bottom, each at the top of its row,
   * which is as high as its highest panel.
   */
  private static BufferedImage draw(
      QuarterTrend trend, List<Map.Entry<String, List<KrSeries>>> objectives, String title) {
    int columns = Math.min(2, objectives.size());
    List<Panel> panels = new ArrayList<>();
    for (Map.Entry<String, List<KrSeries>> objective : objectives) {
      panels.add(panel(trend, objective.getKey(), objective.getValue(), WIDTH / columns));
    }
    int[] rowTops = new int[(panels.size() + columns - 1) / columns + 1];
    rowTops[0] = HEADER;
    for (int row = 0; row < rowTops.length - 1; row++) {
      int tallest = 0;
      for (int i = row * columns; i < Math.min(panels.size(), (row + 1) * columns); i++) {
        tallest = Math.max(tallest, panels.get(i).height());
      }
      rowTops[row + 1] = rowTops[row] + tallest;
    }
    int height = rowTops[rowTops.length - 1];
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Png.antialias(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      g.setColor(TrendStyle.TEXT);
      g.setFont(TrendStyle.HEADER);
      g.drawString(Labels.fit(title, TrendStyle.HEADER, WIDTH - 40), 20, 32);
      g.setFont(NOTE);
      g.drawString(Labels.fit(HOW_TO_READ, NOTE, WIDTH - 40), 20, 58);
      for (int i = 0; i < panels.size(); i++) {
        Graphics2D cell = (Graphics2D) g.create();
        try {
          XYChart chart = panels.get(i).chart();
          cell.translate((i % columns) * chart.getWidth(), rowTops[i / columns]);
          chart.paint(cell, chart.getWidth(), chart.getHeight());
          PanelLegend.draw(cell, LEGEND_INDENT, chart.getHeight(), panels.get(i).legend());
        } finally {
          cell.dispose();
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
