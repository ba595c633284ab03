package io.drumbeat.retro;

import java.time.Instant;

/**
 * A retrospective.
 *
 * @param id its number (also the id of {@code export retro ID})
 * @param channel the channel id it runs in
 * @param title e.g. "Sprint 42"
 * @param facilitator the Slack user id of who started it; they (or an admin) move the phase
 * @param phase where it is
 * @param named true when items show their authors ({@code --named}); false means anonymous: no
 *     author is stored
 * @param votesPerPerson how many votes each person may spend, one per item
 * @param okrQuarter the fiscal quarter whose scorecard opens it, e.g. "FY2027-Q1", or null
 * @param announcementTs the {@code ts} of the announcement message in {@code channel}, or null
 * @param createdAt when it started
 * @param closedAt when it closed, or null
 */
public record Retro(
    long id,
    String channel,
    String title,
    String facilitator,
    RetroPhase phase,
    boolean named,
    int votesPerPerson,
    String okrQuarter,
    String announcementTs,
    Instant createdAt,
    Instant closedAt) {

  /** Longest title, in characters. */
  public static final int MAX_TITLE = 200;

  /** True until the retro is closed. */
  public boolean isOpen() {
    return phase != RetroPhase.CLOSED;
  }
}
