package io.drumbeat.config;

import java.util.List;
import java.util.Optional;

/** Reads the optional {@code daily} section of {@code drumbeat.yml}. */
final class DailySection {
  static final List<String> KEYS = List.of("blockerAgeDays");
  static final int DEFAULT_BLOCKER_AGE_DAYS = 3;

  private DailySection() {}

  /**
   * Reads the section; when absent, every key takes its default.
   *
   * @return the section, or null if any problem was recorded (e.g. {@code daily.blockerAgeDays:
   *     must be 1-30})
   */
  static DailyConfig read(Node daily) {
    if (daily.isAbsent()) {
      return DailyConfig.DEFAULTS;
    }
    if (!daily.isMapping(KEYS)) {
      return null;
    }
    int before = daily.problemCount();
    Optional<Integer> age = daily.get("blockerAgeDays").integer(1, 30, DEFAULT_BLOCKER_AGE_DAYS);
    if (daily.problemCount() > before) {
      return null;
    }
    return new DailyConfig(age.orElseThrow());
  }
}
