package io.drumbeat.okr;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly OKR digest's content, for the VP sync.
 *
 * @param quarter the quarter reported on
 * @param week the ISO week reported on
 * @param objectives each objective with its KR rows, in file order
 */
record Digest(Quarter quarter, IsoWeek week, List<Section> objectives) {

  /**
   * An objective and its key results.
   *
   * @param objective the objective
   * @param rows one per KR
   */
  public record Section(Objective objective, List<Row> rows) {}

  /**
   * One KR in the digest.
   *
   * @param kr the key result
   * @param thisWeek the check-in filed under the digest's week, or null ("no update this week")
   * @param previous the latest check-in before the digest's week, or null
   */
  public record Row(KeyResult kr, CheckIn thisWeek, CheckIn previous) {}

  /** Number of KRs by status this week; KRs without a check-in are counted under null. */
  public Map<CheckInStatus, Integer> totals() {
    Map<CheckInStatus, Integer> totals = new EnumMap<>(CheckInStatus.class);
    rows().stream()
        .filter(r -> r.thisWeek() != null)
        .forEach(r -> totals.merge(r.thisWeek().status(), 1, Integer::sum));
    return totals;
  }

  /** KRs without a check-in this week. */
  public long missing() {
    return rows().stream().filter(r -> r.thisWeek() == null).count();
  }

  /** Every row, objective by objective. */
  public List<Row> rows() {
    return objectives.stream().flatMap(s -> s.rows().stream()).toList();
  }
}
