package io.drumbeat.rituals;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.okr.CheckIn;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.Objective;
import io.drumbeat.okr.OkrRepository;
import io.drumbeat.okr.Quarter;
import io.drumbeat.okr.chart.ChartImage;
import io.drumbeat.okr.chart.KrSeries;
import io.drumbeat.okr.chart.QuarterChart;
import io.drumbeat.okr.chart.QuarterTrend;
import io.drumbeat.okr.chart.WeekPoint;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The KR chart of the monthly email: the progress of every measured KR of the quarter that holds
 * the month's last day, week by week from the quarter's start to the month's end ({@link
 * QuarterChart}, first panel).
 */
final class MonthlyChart {
  private MonthlyChart() {}

  /** The chart, or empty when no KR of that quarter has a check-in with a progress by then. */
  static Optional<ChartImage> of(Handle h, YearMonth month, DrumbeatConfig config) {
    Quarter quarter = Quarter.containing(month.atEndOfMonth(), config.fiscalYearStartMonth());
    LocalDate start = quarter.start(config.fiscalYearStartMonth());
    List<String> weeks = new ArrayList<>();
    for (LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        !monday.isAfter(month.atEndOfMonth());
        monday = monday.plusWeeks(1)) {
      weeks.add(week(monday));
    }
    OkrRepository okrs = h.attach(OkrRepository.class);
    Map<String, String> objectives =
        okrs.objectives(quarter.toString()).stream()
            .collect(Collectors.toMap(Objective::objectiveKey, Objective::title));
    List<KrSeries> series = new ArrayList<>();
    for (KeyResult kr : okrs.keyResults(quarter.toString())) {
      List<WeekPoint> points = new ArrayList<>();
      for (CheckIn c : okrs.history(quarter.toString(), kr.krKey())) {
        if (weeks.contains(c.isoWeek())) {
          kr.progressPercent(c.currentValue())
              .ifPresent(p -> points.add(new WeekPoint(c.isoWeek(), p)));
        }
      }
      if (!points.isEmpty()) {
        series.add(
            new KrSeries(
                kr.krKey(),
                kr.title(),
                objectives.getOrDefault(kr.objectiveKey(), kr.objectiveKey()),
                points));
      }
    }
    if (series.isEmpty() || weeks.isEmpty()) {
      return Optional.empty();
    }
    return new QuarterChart()
        .render(new QuarterTrend(quarter.toString(), weeks, series)).stream().findFirst();
  }

  static String week(LocalDate date) {
    return String.format(
        "%d-W%02d",
        date.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
        date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
