package io.drumbeat.okr.chart;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * The legend under a quarter-chart panel, drawn by hand so that every panel's plot has the same
 * size however many KRs it lists (XChart sizes a legend by its text, and shrinks the plot to fit):
 * the expected-pace line first, then one line per KR with its colour, line and marker, each {@value
 * #ROW} px high, left-aligned.
 */
final class PanelLegend {
  /** Height of one legend line in pixels. */
  static final int ROW = 22;

  private static final int SAMPLE = 32;
  private static final int GAP = 8;

  private PanelLegend() {}

  /** The legend's height for {@code krCount} KRs, the pace line included, in pixels. */
  static int height(int krCount) {
    return ROW * (krCount + 1);
  }

  /**
   * Draws the legend with its top-left corner at ({@code x}, {@code y}).
   *
   * @param names the KRs' entries, in the order of their series in the panel, already fitted
   */
  static void draw(Graphics2D g, int x, int y, List<String> names) {
    g.setFont(TrendStyle.LEGEND);
    // from the middle of a line to the text's baseline, so the text is centred on the sample
    int baseline = (g.getFontMetrics().getAscent() - g.getFontMetrics().getDescent()) / 2;
    entry(g, x, y, baseline, -1, TrendPanel.PACE);
    for (int i = 0; i < names.size(); i++) {
      entry(g, x, y + ROW * (i + 1), baseline, i, names.get(i));
    }
  }

  /** One line: a sample of the series (KR {@code index}, or the pace line for -1) and its name. */
  private static void entry(Graphics2D g, int x, int top, int baseline, int index, String name) {
    double middle = top + ROW / 2.0;
    Graphics2D sample = (Graphics2D) g.create();
    try {
      sample.setColor(index < 0 ? TrendStyle.PACE : TrendStyle.color(index));
      sample.setStroke(index < 0 ? TrendStyle.PACE_LINE : TrendStyle.KR_LINE);
      sample.draw(new Line2D.Double(x, middle, x + SAMPLE, middle));
      if (index >= 0) {
        TrendStyle.marker(index).paint(sample, x + SAMPLE / 2.0, middle, TrendStyle.MARKER_SIZE);
      }
    } finally {
      sample.dispose();
    }
    g.setColor(TrendStyle.TEXT);
    g.drawString(name, x + SAMPLE + GAP, (float) (middle + baseline));
  }
}
