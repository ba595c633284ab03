package io.drumbeat.okr.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One key result's weekly progress over a quarter: the input of a trend chart. Weeks without a
 * check-in have no point; charts leave a gap there (they never draw a missing week as 0 %).
 *
 * @param krKey the KR's key, e.g. {@code "KR1.2"}; unique within a quarter
 * @param title the KR's title, e.g. {@code "Cut p99 latency to 300 ms"}; plain text (charts draw it
 *     as is, no mrkdwn)
 * @param objectiveTitle the title of the objective it belongs to; KRs with the same objective title
 *     share a panel of the quarter chart
 * @param points at most one per ISO week, in any order; copied
 */
public record KrSeries(String krKey, String title, String objectiveTitle, List<WeekPoint> points) {

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if any argument or point is null
   * @throws IllegalArgumentException if {@code krKey} is blank or two points share an ISO week
   */
  public KrSeries {
    Objects.requireNonNull(krKey, "krKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(objectiveTitle, "objectiveTitle");
    points = List.copyOf(points);
    if (krKey.isBlank()) {
      throw new IllegalArgumentException("krKey must not be blank");
    }
    Set<String> weeks = new HashSet<>();
    for (WeekPoint point : points) {
      if (!weeks.add(point.isoWeek())) {
        throw new IllegalArgumentException(krKey + " has two points in " + point.isoWeek());
      }
    }
  }

  /** The point of {@code isoWeek}, or empty when nobody checked in that week. */
  public Optional<WeekPoint> pointIn(String isoWeek) {
    return points.stream().filter(p -> p.isoWeek().equals(isoWeek)).findFirst();
  }
}
