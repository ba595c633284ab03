package io.drumbeat.okr.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;

/** Text as the charts draw it: one line, cut with an ellipsis to fit a width in pixels. */
final class Labels {
  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
  private static final String ELLIPSIS = "…";

  private Labels() {}

  /**
   * {@code text} on one line (runs of whitespace and control characters become one space), cut at
   * the end with "…" so it is at most {@code maxWidth} pixels wide in {@code font}.
   */
  static String fit(String text, Font font, int maxWidth) {
    String line = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    if (width(line, font) <= maxWidth) {
      return line;
    }
    int keep = line.length();
    while (keep > 0 && width(line.substring(0, keep).stripTrailing() + ELLIPSIS, font) > maxWidth) {
      keep--;
    }
    return line.substring(0, keep).stripTrailing() + ELLIPSIS;
  }

  /**
   * The x-axis label of position {@code x} (1 = the first week): the week part of its ISO week,
   * e.g. {@code "W06"} for {@code "2026-W06"}; empty between weeks and outside the quarter.
   */
  static String week(List<String> isoWeeks, double x) {
    long index = Math.round(x);
    if (Math.abs(x - index) > 1e-6 || index < 1 || index > isoWeeks.size()) {
      return "";
    }
    String week = isoWeeks.get((int) index - 1);
    int dash = week.lastIndexOf('-');
    return dash >= 0 && dash < week.length() - 1 ? week.substring(dash + 1) : week;
  }

  /** {@code text} with everything but letters, digits, '.', '-' and '_' replaced by '-'. */
  static String fileSafe(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]", "-");
  }

  private static double width(String text, Font font) {
    return font.getStringBounds(text, MEASURE).getWidth();
  }
}
