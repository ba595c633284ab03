package io.drumbeat.okr;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A quarter's KR scorecard (handbook {@code okrs.md}): each KR's last status and progress. The
 * quarterly retro opens with it.
 */
public final class Scorecard {
  private final Jdbi jdbi;

  /**
   * @param jdbi database
   */
  public Scorecard(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The quarter's KRs in file order with their latest check-in; empty when none were imported. */
  public List<ScorecardLine> of(String quarter) {
    throw new UnsupportedOperationException("TODO " + jdbi + quarter);
  }

  /**
   * One mrkdwn line for a KR (user text escaped), e.g. "*KR1.2* Cut p99 latency:
   * :large_green_circle: on track · 150 of 200 ms (75%) · <@U0AAA1>"; at most 3000 characters.
   */
  public static String mrkdwn(ScorecardLine line) {
    throw new UnsupportedOperationException("TODO");
  }
}
