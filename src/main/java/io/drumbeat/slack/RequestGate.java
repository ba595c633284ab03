package io.drumbeat.slack;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many Slack requests Drumbeat handles at once, so a flood cannot exhaust threads,
 * database connections or memory. A request over the bound waits for a place at most {@link #WAIT}
 * (a burst passes; Slack wants an answer within 3 s anyway), then is answered, never queued without
 * limit and never dropped silently: a slash command gets an ephemeral "busy, try again in a
 * minute", anything else HTTP 503 with {@code Retry-After} (Slack retries an event; a button or a
 * modal submission shows Slack's own error).
 */
final class RequestGate {
  /** What a person sees when Drumbeat is saturated. */
  static final String BUSY =
      ":hourglass: Drumbeat is busy right now, so nothing was done. Please try again in a minute.";

  /** How long a request waits for a place before it is answered "busy". */
  static final Duration WAIT = Duration.ofSeconds(2);

  private final Semaphore permits;

  /**
   * @param limit requests handled at once (1 or more)
   */
  RequestGate(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
    }
    this.permits = new Semaphore(limit, true);
  }

  /**
   * Takes a place, waiting at most {@link #WAIT} for one; the caller must {@link #leave()} when
   * done.
   *
   * @return false when no place came free in time (or the thread was interrupted)
   */
  boolean tryEnter() {
    try {
      return permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Gives the place back. */
  void leave() {
    permits.release();
  }
}
