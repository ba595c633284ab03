package io.drumbeat.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests refused for a missing or bad Slack signature and logs at most one short line per
 * {@code interval} saying how many there were. The line never carries a body, a header or an
 * address: anything in an unsigned request is the sender's choice, so logging it would let anyone
 * forge log lines or flood the log. The first refusal after a quiet interval is logged at once;
 * refusals during the interval are counted into the next line, which is written with the first
 * refusal after the interval ends.
 */
final class RefusalLog {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
  private final Clock clock;
  private final Duration interval;
  private long unlogged;
  private Instant since;
  private Instant nextLine = Instant.MIN;

  /**
   * @param clock when refusals happen
   * @param interval the shortest time between two log lines, e.g. one minute
   */
  RefusalLog(Clock clock, Duration interval) {
    this.clock = clock;
    this.interval = interval;
  }

  /** Records one refused request; logs the count when the last line is {@code interval} old. */
  synchronized void refused() {
    Instant now = clock.instant();
    if (unlogged == 0) {
      since = now;
    }
    unlogged++;
    if (!now.isBefore(nextLine)) {
      LOG.warn(
          "Refused {} request(s) to {} without a valid Slack signature since {}",
          unlogged,
          HttpServer.EVENTS_PATH,
          since.truncatedTo(ChronoUnit.SECONDS));
      unlogged = 0;
      nextLine = now.plus(interval);
    }
  }
}
