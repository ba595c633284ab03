package io.drumbeat.retro;

import io.drumbeat.okr.CheckIn;
import io.drumbeat.okr.CheckInStatus;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.OkrRepository;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Finds the KRs of a quarter worth a retro topic (issue 12, handbook "Review OKRs & discuss
 * outcomes"). A KR is suggested when at least one of these holds; each reason is named:
 *
 * <ul>
 *   <li>its latest check-in is off track or at risk ("at risk for 3 weeks": how many of its latest
 *       check-ins in a row had that status);
 *   <li>its confidence fell by {@value #CONFIDENCE_DROP} or more from the check-in before its
 *       latest to its latest ("confidence fell from 8 to 5");
 *   <li>it got no check-in for two weeks: none in the current ISO week nor in the two before it
 *       (organisation zone), and the quarter began at least two weeks before this week.
 * </ul>
 */
final class TopicFinder {
  /** Fall in confidence (1–10 scale) between the last two check-ins that makes a KR a topic. */
  static final int CONFIDENCE_DROP = 2;

  private TopicFinder() {}

  /**
   * The suggested topics of {@code quarter}, in the order of {@link OkrRepository#keyResults}.
   *
   * @param quarter e.g. "FY2027-Q1"
   * @param quarterStart the quarter's first day
   * @param today today in the organisation's zone
   * @return one per suggested KR; empty when the quarter has no KRs or none qualifies
   */
  static List<TopicSuggestion> find(
      Handle handle, String quarter, LocalDate quarterStart, LocalDate today) {
    OkrRepository repo = handle.attach(OkrRepository.class);
    List<TopicSuggestion> topics = new ArrayList<>();
    for (KeyResult kr : repo.keyResults(quarter)) {
      reasons(kr, repo.history(quarter, kr.krKey()), quarterStart, today)
          .ifPresent(reason -> topics.add(new TopicSuggestion(kr, reason)));
    }
    return topics;
  }

  /**
   * The suggestion for one KR, if it is still a topic.
   *
   * @return empty when the KR is unknown in {@code quarter} or no reason holds any more
   */
  static Optional<TopicSuggestion> one(
      Handle handle, String quarter, String krKey, LocalDate quarterStart, LocalDate today) {
    OkrRepository repo = handle.attach(OkrRepository.class);
    return repo.keyResult(quarter, krKey)
        .flatMap(
            kr ->
                reasons(kr, repo.history(quarter, krKey), quarterStart, today)
                    .map(reason -> new TopicSuggestion(kr, reason)));
  }

  /** Every reason that holds for a KR with {@code history} (oldest first), joined by "; ". */
  static Optional<String> reasons(
      KeyResult kr, List<CheckIn> history, LocalDate quarterStart, LocalDate today) {
    List<String> reasons = new ArrayList<>();
    CheckIn latest = history.isEmpty() ? null : history.get(history.size() - 1);
    if (latest != null
        && (latest.status() == CheckInStatus.AT_RISK
            || latest.status() == CheckInStatus.OFF_TRACK)) {
      int weeks = 0;
      for (int i = history.size() - 1; i >= 0 && history.get(i).status() == latest.status(); i--) {
        weeks++;
      }
      reasons.add(
          latest.status().label().toLowerCase(java.util.Locale.ROOT)
              + " for "
              + weeks
              + (weeks == 1 ? " week" : " weeks"));
    }
    if (history.size() >= 2) {
      Integer before = history.get(history.size() - 2).confidence();
      Integer now = latest.confidence();
      if (before != null && now != null && before - now >= CONFIDENCE_DROP) {
        reasons.add("confidence fell from " + before + " to " + now);
      }
    }
    String twoWeeksAgo = week(today.minusWeeks(2));
    boolean quarterOldEnough = !quarterStart.isAfter(today.minusWeeks(2));
    if (quarterOldEnough && (latest == null || latest.isoWeek().compareTo(twoWeeksAgo) < 0)) {
      reasons.add(
          latest == null ? "no check-in this quarter" : "no check-in since " + latest.isoWeek());
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  /** The ISO week of {@code date}, e.g. "2026-W47" (the format check-ins are filed under). */
  static String week(LocalDate date) {
    return String.format(
        "%d-W%02d",
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
