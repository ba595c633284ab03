package io.drumbeat.socket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether Drumbeat can hear Slack over Socket Mode: healthy while at least one connection has said
 * {@code hello} and is open, and for a grace period after the last one closed (a refresh or a short
 * drop is not an outage). Thread-safe.
 */
public final class SocketHealth {
  private final Clock clock;
  private final Duration grace;
  private final AtomicInteger open = new AtomicInteger();
  private volatile Instant downSince;

  /**
   * @param clock the time source; the grace period starts when this object is made
   * @param grace how long no connection may be open before it counts as a problem
   */
  SocketHealth(Clock clock, Duration grace) {
    this.clock = clock;
    this.grace = grace;
    this.downSince = clock.instant();
  }

  /** A connection said {@code hello}. */
  synchronized void up() {
    open.incrementAndGet();
    notifyAll();
  }

  /** A connection that had said {@code hello} closed. */
  synchronized void down() {
    if (open.decrementAndGet() == 0) {
      downSince = clock.instant();
    }
    notifyAll();
  }

  /**
   * Waits until {@code count} connections are open and greeted (the demo and tests wait for this).
   *
   * @param timeout the longest wait, in real time
   * @return false when {@code timeout} passed first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public synchronized boolean awaitOpen(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open.get() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Connections open and greeted by Slack now. */
  public int openConnections() {
    return open.get();
  }

  /**
   * The problem to report, e.g. "no Socket Mode connection to Slack for 42 s", or empty while a
   * connection is open or the grace period lasts.
   */
  public Optional<String> problem() {
    if (open.get() > 0) {
      return Optional.empty();
    }
    Duration down = Duration.between(downSince, clock.instant());
    return down.compareTo(grace) <= 0
        ? Optional.empty()
        : Optional.of("no Socket Mode connection to Slack for " + down.toSeconds() + " s");
  }
}
