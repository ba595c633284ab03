package io.drumbeat.config;

/**
 * The optional {@code daily} section of {@code drumbeat.yml}: settings of the daily update that are
 * not per team.
 *
 * @param blockerAgeDays a blocker still reported after this many workdays is stuck (Monday digest);
 *     1–30, default {@value DailySection#DEFAULT_BLOCKER_AGE_DAYS}
 */
public record DailyConfig(int blockerAgeDays) {
  /** The defaults. */
  public static final DailyConfig DEFAULTS = new DailyConfig(DailySection.DEFAULT_BLOCKER_AGE_DAYS);

  /**
   * @throws IllegalArgumentException if {@code blockerAgeDays} is not 1–30
   */
  public DailyConfig {
    if (blockerAgeDays < 1 || blockerAgeDays > 30) {
      throw new IllegalArgumentException("blockerAgeDays must be 1-30, got " + blockerAgeDays);
    }
  }
}
