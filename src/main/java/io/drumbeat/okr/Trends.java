package io.drumbeat.okr;

import io.drumbeat.okr.chart.KrSeries;
import io.drumbeat.okr.chart.QuarterTrend;
import io.drumbeat.okr.chart.WeekPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/**
 * Reads a quarter's check-ins as chart input: each KR's progress per ISO week ({@link
 * KeyResult#progressPercent}), objectives and KRs in file order. A week without a check-in, or with
 * no number to measure (a KR without a target), has no point.
 */
final class Trends {
  private final int fiscalYearStartMonth;

  /**
   * @param fiscalYearStartMonth 1 to 12 ({@code fiscalYearStartMonth})
   */
  Trends(int fiscalYearStartMonth) {
    this.fiscalYearStartMonth = fiscalYearStartMonth;
  }

  /** Every KR of {@code quarter} with its weekly progress; no KRs when none were imported. */
  QuarterTrend quarter(Handle handle, Quarter quarter) {
    OkrRepository repo = handle.attach(OkrRepository.class);
    String name = quarter.toString();
    List<String> weeks = weeks(quarter);
    Map<String, Objective> objectives = new HashMap<>();
    repo.objectives(name).forEach(o -> objectives.put(o.objectiveKey(), o));
    Map<String, List<CheckIn>> checkIns = new HashMap<>();
    repo.checkIns(name, weeks)
        .forEach(c -> checkIns.computeIfAbsent(c.krKey(), k -> new ArrayList<>()).add(c));
    List<KrSeries> series = new ArrayList<>();
    for (Objective objective : repo.objectives(name)) {
      for (KeyResult kr : repo.keyResults(name)) {
        if (kr.objectiveKey().equals(objective.objectiveKey())) {
          series.add(series(kr, label(objective), checkIns.getOrDefault(kr.krKey(), List.of())));
        }
      }
    }
    return new QuarterTrend(name, weeks, series);
  }

  /** One KR's weekly progress over its quarter, or null when the KR is unknown. */
  KrSeries keyResult(Handle handle, String quarter, String krKey) {
    OkrRepository repo = handle.attach(OkrRepository.class);
    KeyResult kr = repo.keyResult(quarter, krKey).orElse(null);
    if (kr == null) {
      return null;
    }
    String objective =
        repo.objectives(quarter).stream()
            .filter(o -> o.objectiveKey().equals(kr.objectiveKey()))
            .map(Trends::label)
            .findFirst()
            .orElse(kr.objectiveKey());
    return series(kr, objective, repo.history(quarter, krKey));
  }

  /** The quarter's ISO weeks as text, e.g. "2026-W45" … "2027-W05". */
  List<String> weeks(Quarter quarter) {
    return new QuarterWeeks(fiscalYearStartMonth)
        .of(quarter).stream().map(IsoWeek::toString).toList();
  }

  /** An objective as charts name it: "O1 Search is fast" (two objectives may share a title). */
  static String label(Objective objective) {
    return objective.objectiveKey() + " " + objective.title();
  }

  private static KrSeries series(KeyResult kr, String objectiveTitle, List<CheckIn> checkIns) {
    List<WeekPoint> points = new ArrayList<>();
    for (CheckIn c : checkIns) {
      OptionalInt progress = kr.progressPercent(c.currentValue());
      if (progress.isPresent()) {
        points.add(new WeekPoint(c.isoWeek(), progress.getAsInt()));
      }
    }
    return new KrSeries(kr.krKey(), kr.title(), objectiveTitle, points);
  }
}
