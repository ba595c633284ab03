package io.drumbeat.rituals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds stuck blockers in daily updates (issue 12). For each member, each blocker of their latest
 * update (which must be from the past {@value #RECENT_DAYS} days) is followed back through their
 * earlier updates, newest first, while each still reports the same blocker ({@link
 * BlockerText#same}); an update without it ends the run ("a later update saying otherwise"). The
 * blocker is stuck when that run has two or more updates in the past week (today and the six days
 * before), or when the first update of the run is more than {@code blockerAgeDays} workdays
 * (organisation's workdays and holidays) before today.
 */
final class StuckBlockers {
  /** How far back updates are read, in days: long enough for any age up to 30 workdays. */
  static final int LOOKBACK_DAYS = 60;

  /** A member's latest update older than this many days is not read for stuck blockers. */
  static final int RECENT_DAYS = 14;

  private StuckBlockers() {}

  /**
   * @param reports updates by member, then date (as {@link RitualsRepository#updatesSince} gives)
   * @param today today in the organisation's zone
   * @param blockerAgeDays {@code daily.blockerAgeDays}
   * @param isWorkday the organisation's workdays, holidays excluded
   * @return the stuck blockers, by member as given
   */
  static List<StuckBlocker> find(
      List<BlockerReport> reports,
      LocalDate today,
      int blockerAgeDays,
      Predicate<LocalDate> isWorkday) {
    Map<String, List<BlockerReport>> byMember = new LinkedHashMap<>();
    reports.forEach(r -> byMember.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r));
    LocalDate weekStart = today.minusDays(6);
    List<StuckBlocker> stuck = new ArrayList<>();
    for (List<BlockerReport> updates : byMember.values()) {
      BlockerReport latest = updates.get(updates.size() - 1);
      if (latest.localDate().isBefore(today.minusDays(RECENT_DAYS - 1))
          || latest.localDate().isAfter(today)) {
        continue;
      }
      List<String> raw = latest.blockers() == null ? List.of() : latest.blockers().lines().toList();
      for (String line : raw) {
        String blocker = BlockerText.normalise(line);
        if (BlockerText.blockers(line).isEmpty()) {
          continue;
        }
        LocalDate since = latest.localDate();
        int inWeek = 0;
        int count = 0;
        for (int i = updates.size() - 1; i >= 0; i--) {
          BlockerReport u = updates.get(i);
          if (!BlockerText.mentions(u.blockers(), blocker)) {
            break;
          }
          since = u.localDate();
          count++;
          inWeek += u.localDate().isBefore(weekStart) ? 0 : 1;
        }
        int age = workdaysBetween(since, today, isWorkday);
        if (inWeek >= 2 || age > blockerAgeDays) {
          stuck.add(
              new StuckBlocker(latest.userId(), latest.teamId(), line.strip(), since, age, count));
        }
      }
    }
    return stuck;
  }

  /** Workdays after {@code from} up to and including {@code to}. */
  static int workdaysBetween(LocalDate from, LocalDate to, Predicate<LocalDate> isWorkday) {
    int days = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      days += isWorkday.test(d) ? 1 : 0;
    }
    return days;
  }
}
