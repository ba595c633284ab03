package io.drumbeat.okr.chart;

import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * One trend panel: KR progress lines over a quarter's ISO weeks (x: week 1…n, y: 0–100 %), the
 * expected-pace line, a title, axis titles and a legend. Weeks without a check-in are gaps in the
 * KR's line (a point alone between gaps shows as its marker); they are never drawn as 0 %.
 */
final class TrendPanel {
  /** The legend name of the expected-pace line. */
  static final String PACE = "Expected pace";

  static final String X_TITLE = "ISO week";
  static final String Y_TITLE = "Progress (%)";

  private TrendPanel() {}

  /**
   * Builds the panel.
   *
   * @param title the panel title, already fitted to {@code width}
   * @param isoWeeks the quarter's weeks, in order (at least one)
   * @param krs the KRs to draw, in legend order
   * @param legendName the legend entry of a KR (must differ between KRs)
   */
  static XYChart chart(
      String title,
      List<String> isoWeeks,
      List<KrSeries> krs,
      int width,
      int height,
      Function<KrSeries, String> legendName) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle(X_TITLE)
            .yAxisTitle(Y_TITLE)
            .build();
    TrendStyle.apply(chart, isoWeeks.size());
    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> Labels.week(isoWeeks, x));
    double[] x = new double[isoWeeks.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    TrendStyle.pace(chart.addSeries(PACE, x, pace(isoWeeks.size())));
    for (int i = 0; i < krs.size(); i++) {
      KrSeries kr = krs.get(i);
      TrendStyle.kr(chart.addSeries(legendName.apply(kr), x, progress(kr, isoWeeks)), i);
    }
    return chart;
  }

  /**
   * The expected pace per week: linear from 0 % in the first week to 100 % in the last (100 % when
   * the quarter has one week).
   */
  static double[] pace(int weeks) {
    double[] pace = new double[weeks];
    for (int i = 0; i < weeks; i++) {
      pace[i] = weeks == 1 ? 100 : 100.0 * i / (weeks - 1);
    }
    return pace;
  }

  /** The KR's drawn progress per week, NaN (a gap) where it has no point. */
  static double[] progress(KrSeries kr, List<String> isoWeeks) {
    double[] y = new double[isoWeeks.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = kr.pointIn(isoWeeks.get(i)).map(WeekPoint::drawnProgress).orElse(Double.NaN);
    }
    return y;
  }
}
