package io.drumbeat.schedule;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that only moves when told to, shared with db-scheduler's manual scheduler so that
 * Drumbeat and its jobs see the same "now". Used by the demo and by tests.
 */
public final class MovableClock extends Clock {
  private final SettableClock settable;

  /**
   * @param start the initial instant
   */
  public MovableClock(Instant start) {
    this.settable = new SettableClock();
    settable.set(start);
  }

  /** Moves to {@code instant}. */
  public void set(Instant instant) {
    settable.set(instant);
  }

  /** Moves forward by {@code duration}. */
  public void tick(Duration duration) {
    settable.tick(duration);
  }

  /** db-scheduler's view of this clock. */
  public SettableClock settable() {
    return settable;
  }

  @Override
  public Instant instant() {
    return settable.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return MovableClock.this.withZone(other);
      }

      @Override
      public Instant instant() {
        return MovableClock.this.instant();
      }
    };
  }
}
