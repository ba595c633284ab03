package io.drumbeat.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at real speed from a given instant and that a benchmark can move to another
 * instant ({@link #jumpTo}), after which it runs on at real speed. Every view made with {@link
 * #withZone} moves with it. Pacing (token buckets on the injected clock) and Slack's answers thus
 * take real time, while a benchmark can skip the hours between two working days.
 */
final class JumpClock extends Clock {
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  /** A clock in UTC that reads {@code start} now. */
  JumpClock(Instant start) {
    this(new AtomicReference<>(Duration.between(Instant.now(), start)), ZoneOffset.UTC);
  }

  private JumpClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  /** Moves this clock (and every view of it) so that it reads {@code instant} now. */
  void jumpTo(Instant instant) {
    offset.set(Duration.between(Instant.now(), instant));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new JumpClock(offset, other);
  }
}
