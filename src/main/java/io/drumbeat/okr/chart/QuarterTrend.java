package io.drumbeat.okr.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the quarter chart shows: every KR's weekly progress over one fiscal quarter.
 *
 * @param quarter the quarter's name, e.g. {@code "FY2027-Q1"}; used in titles and file names
 * @param isoWeeks the quarter's ISO weeks in order, e.g. {@code "2026-W06"} … {@code "2026-W18"}
 *     (typically 13 or 14); the x axis, and the expected-pace line runs from 0 % at the first to
 *     100 % at the last; copied
 * @param keyResults the KRs in display order; points in weeks outside {@code isoWeeks} are not
 *     drawn; copied
 */
public record QuarterTrend(String quarter, List<String> isoWeeks, List<KrSeries> keyResults) {

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if any argument or element is null
   * @throws IllegalArgumentException if {@code isoWeeks} is empty or repeats a week, or two KRs
   *     share a key
   */
  public QuarterTrend {
    Objects.requireNonNull(quarter, "quarter");
    isoWeeks = List.copyOf(isoWeeks);
    keyResults = List.copyOf(keyResults);
    if (isoWeeks.isEmpty()) {
      throw new IllegalArgumentException("a quarter needs at least one ISO week");
    }
    if (new HashSet<>(isoWeeks).size() != isoWeeks.size()) {
      throw new IllegalArgumentException("isoWeeks repeats a week: " + isoWeeks);
    }
    Set<String> keys = new HashSet<>();
    for (KrSeries kr : keyResults) {
      if (!keys.add(kr.krKey())) {
        throw new IllegalArgumentException("two KRs have the key " + kr.krKey());
      }
    }
  }

  /**
   * The KRs grouped by objective title, objectives in the order of their first KR, KRs in input
   * order; unmodifiable.
   */
  public Map<String, List<KrSeries>> byObjective() {
    Map<String, List<KrSeries>> groups = new LinkedHashMap<>();
    for (KrSeries kr : keyResults) {
      groups.computeIfAbsent(kr.objectiveTitle(), k -> new ArrayList<>()).add(kr);
    }
    groups.replaceAll((objective, krs) -> List.copyOf(krs));
    return Collections.unmodifiableMap(groups);
  }
}
