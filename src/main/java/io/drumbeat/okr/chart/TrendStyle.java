package io.drumbeat.okr.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look shared by every trend chart: the Okabe–Ito colour-blind-safe palette (Okabe and Ito,
 * "Color Universal Design", 2008; its yellow is left out as too faint on white), a distinct marker
 * shape per series so lines stay apart without colour, a grey dashed expected-pace line, and fonts
 * of 13 px and more so text stays legible when Slack scales the image down.
 */
final class TrendStyle {
  /** Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, black. */
  private static final Color[] PALETTE = {
    new Color(0x0072B2),
    new Color(0xD55E00),
    new Color(0x009E73),
    new Color(0xCC79A7),
    new Color(0xE69F00),
    new Color(0x56B4E9),
    new Color(0x000000)
  };

  /** Five shapes; with 7 colours every one of the first 35 series differs in colour or shape. */
  private static final Marker[] MARKERS = {
    SeriesMarkers.CIRCLE,
    SeriesMarkers.SQUARE,
    SeriesMarkers.DIAMOND,
    SeriesMarkers.TRIANGLE_UP,
    SeriesMarkers.TRIANGLE_DOWN
  };

  /** The expected-pace line's colour (mid grey). */
  static final Color PACE = new Color(0x6E6E6E);

  static final Color TEXT = new Color(0x222222);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  static final Font HEADER = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  private static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final int MARKER_SIZE = 8;
  static final BasicStroke KR_LINE = new BasicStroke(2.5f);
  static final BasicStroke PACE_LINE =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);

  private TrendStyle() {}

  /**
   * Applies fonts, colours, the 0–100 % y range with a tick every 20 %, the x range of {@code
   * weekCount} weeks and a legend under the plot (callers may move or hide it).
   */
  static void apply(XYChart chart, int weekCount) {
    var s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(new Color(0xBBBBBB));
    s.setPlotGridLinesColor(new Color(0xE3E3E3));
    s.setChartFontColor(TEXT);
    s.setAxisTickLabelsColor(TEXT);
    s.setChartTitleFont(TITLE);
    s.setChartTitleBoxVisible(false);
    s.setAxisTitleFont(AXIS_TITLE);
    s.setAxisTickLabelsFont(TICKS);
    s.setLegendFont(LEGEND);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendPosition(LegendPosition.OutsideS);
    s.setLegendLayout(LegendLayout.Vertical);
    s.setMarkerSize(MARKER_SIZE);
    s.setYAxisMin(0.0);
    s.setYAxisMax(100.0);
    // labels only at multiples of 20 %: XChart then rejects finer steps (their labels repeat ""),
    // so every panel has the same ticks whatever its height
    s.setyAxisTickLabelsFormattingFunction(TrendStyle::percent);
    // x runs from week 1 to week n; XChart keeps a margin inside the plot, so end markers show
    s.setXAxisMin(1.0);
    s.setXAxisMax((double) Math.max(1, weekCount));
    s.setXAxisTickMarkSpacingHint(36);
    s.setChartPadding(10);
  }

  /**
   * "40 %" for a multiple of 20, "" for any other tick position. Every step of 20 or a multiple of
   * it gives distinct labels (XChart also labels positions just outside the axis, e.g. -20 and 140,
   * without drawing them), so XChart's search for a step always ends.
   */
  static String percent(double y) {
    long rounded = Math.round(y);
    return Math.abs(y - rounded) < 1e-6 && rounded % 20 == 0 ? rounded + " %" : "";
  }

  /** The colour of the KR at {@code index} (0-based) within its panel. */
  static Color color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /** The marker shape of the KR at {@code index} (0-based) within its panel. */
  static Marker marker(int index) {
    return MARKERS[index % MARKERS.length];
  }

  /** Styles the KR series at {@code index} (0-based) within its chart. */
  static void kr(XYSeries series, int index) {
    series.setLineColor(color(index));
    series.setMarkerColor(color(index));
    series.setMarker(marker(index));
    series.setLineStyle(KR_LINE);
  }

  /** Styles the expected-pace series: grey, dashed, no markers. */
  static void pace(XYSeries series) {
    series.setLineColor(PACE);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineStyle(PACE_LINE);
  }
}
