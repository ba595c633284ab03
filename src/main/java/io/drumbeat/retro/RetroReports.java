package io.drumbeat.retro;

import io.drumbeat.okr.Scorecard;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Loads a {@link RetroReport}: items, ranked topics, action items and the scorecard. */
public final class RetroReports {
  private final Jdbi jdbi;
  private final Scorecard scorecard;

  /**
   * @param jdbi database
   * @param scorecard KR scorecards (for retros started with {@code --okrs})
   */
  public RetroReports(Jdbi jdbi, Scorecard scorecard) {
    this.jdbi = jdbi;
    this.scorecard = scorecard;
  }

  /**
   * The report of retro {@code id}; ranked topics are filled once voting opened (phase voting or
   * later), ordered by votes (most first) then item id.
   *
   * @return empty when there is no such retro
   */
  public Optional<RetroReport> load(long id) {
    throw new UnsupportedOperationException("TODO " + jdbi + scorecard + id);
  }
}
