package io.drumbeat.slack;

import java.util.concurrent.Semaphore;

/**
 * Bounds how many Slack requests Drumbeat handles at once, so a flood cannot exhaust threads,
 * database connections or memory. A request over the bound is answered at once, never queued
 * without limit and never dropped silently: a slash command gets an ephemeral "busy, try again in a
 * minute", anything else HTTP 503 with {@code Retry-After} (Slack retries an event; a button or a
 * modal submission shows Slack's own error).
 */
final class RequestGate {
  /** What a person sees when Drumbeat is saturated. */
  static final String BUSY =
      ":hourglass: Drumbeat is busy right now, so nothing was done. Please try again in a minute.";

  private final Semaphore permits;

  /**
   * @param limit requests handled at once (1 or more)
   */
  RequestGate(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
    }
    this.permits = new Semaphore(limit);
  }

  /** Takes a place if one is free now; the caller must {@link #leave()} when done. */
  boolean tryEnter() {
    return permits.tryAcquire();
  }

  /** Gives the place back. */
  void leave() {
    permits.release();
  }
}
