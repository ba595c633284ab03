package io.drumbeat.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one outbox row: draws it, waits for its {@link Pacer} slot, calls Slack and records the
 * outcome. A first post whose outcome is unknown is reconciled before it is sent again, so it is
 * posted once even when Slack's answer is lost. Transient failures are retried with exponential
 * backoff (from {@code firstRetry}, doubling, at most {@link #MAX_BACKOFF}) for up to {@link
 * #GIVE_UP_AFTER}; a refusal (e.g. {@code channel_not_found}) or giving up marks the row failed and
 * tells the admins once, in the same transaction.
 */
final class Deliverer {
  /** The longest wait between two tries. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /** How long a transient failure is retried before the row is marked failed. */
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
  private final Jdbi jdbi;
  private final Outbox outbox;
  private final Sending sending;
  private final Clock clock;
  private final Duration firstRetry;
  private final FailureReport report;

  /**
   * @param jdbi database
   * @param outbox the renderers
   * @param sending Slack calls, pacing and reconciliation
   * @param clock the time source
   * @param firstRetry delay before the first retry of a transient failure
   * @param report tells the admins about failed rows
   */
  Deliverer(
      Jdbi jdbi,
      Outbox outbox,
      Sending sending,
      Clock clock,
      Duration firstRetry,
      FailureReport report) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.sending = sending;
    this.clock = clock;
    this.firstRetry = firstRetry;
    this.report = report;
  }

  /**
   * Delivers row {@code key} as far as it can now.
   *
   * @return empty when nothing is left to do, else when to try again
   */
  Optional<Instant> deliver(String key) {
    OutboxRepository repo = jdbi.onDemand(OutboxRepository.class);
    OutboxRow row = repo.find(key).orElse(null);
    if (row == null || row.state() != DeliveryState.PENDING) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (row.notBefore() != null && row.notBefore().isAfter(now)) {
      return Optional.of(row.notBefore());
    }
    if (!row.isPosted() && row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
      LOG.info("Delivery {} expired before it could be made", key);
      repo.finish(key, DeliveryState.EXPIRED, "expired", now);
      return Optional.empty();
    }
    Optional<Renderer> renderer = outbox.renderer(row.kind());
    if (renderer.isEmpty()) {
      LOG.warn(
          "No renderer for delivery {} of kind {}; another instance may know it", key, row.kind());
      return Optional.of(now.plus(Duration.ofMinutes(1)));
    }
    try {
      return new Attempt(jdbi, sending, clock, row, renderer.get(), now).run();
    } catch (SendFailure f) {
      return failed(row, renderer.get(), f, now);
    } catch (RuntimeException e) {
      LOG.error("Delivery {} failed: {}", key, e.getMessage(), e);
      return failed(
          row,
          renderer.get(),
          new SendFailure(SendFailure.Kind.NOT_SENT, "error: " + e.getMessage(), Duration.ZERO, e),
          now);
    }
  }

  private Optional<Instant> failed(OutboxRow row, Renderer renderer, SendFailure f, Instant now) {
    OutboxRepository repo = jdbi.onDemand(OutboxRepository.class);
    boolean post = (row.via() == Via.CHAT || row.via() == Via.FILE) && !row.isPosted();
    switch (f.kind()) {
      case RATE_LIMITED -> {
        String channel = row.isPosted() ? row.postedChannel() : row.channel();
        sending.pacer().block(channel == null ? "" : channel, f.retryAfter());
        repo.attemptFailed(row.deliveryKey(), false, f.error(), now);
        return Optional.of(now.plus(f.retryAfter()));
      }
      case REFUSED -> {
        if (row.isPosted() && "message_not_found".equals(f.error())) {
          LOG.info(
              "Delivery {}: its message was deleted in Slack; not posted again", row.deliveryKey());
          repo.delivered(row.deliveryKey(), row.generation(), now);
          return Optional.empty();
        }
        fail(row, renderer, f.error());
        return Optional.empty();
      }
      default -> {
        repo.attemptFailed(row.deliveryKey(), post && f.maybeDelivered(), f.error(), now);
        Instant first = row.firstAttemptAt() == null ? now : row.firstAttemptAt();
        if (Duration.between(first, now).compareTo(GIVE_UP_AFTER) >= 0) {
          fail(
              row,
              renderer,
              f.error() + " (still failing after " + GIVE_UP_AFTER.toHours() + " h)");
          return Optional.empty();
        }
        LOG.warn("Delivery {} failed ({}); will retry", row.deliveryKey(), f.error());
        return Optional.of(now.plus(backoff(row.attempts() + 1)));
      }
    }
  }

  private void fail(OutboxRow row, Renderer renderer, String error) {
    LOG.warn("Delivery {} failed for good: {}", row.deliveryKey(), error);
    jdbi.useTransaction(
        h -> {
          h.attach(OutboxRepository.class)
              .finish(row.deliveryKey(), DeliveryState.FAILED, error, clock.instant());
          renderer.failed(h, row, error);
          if (row.via() != Via.RESPOND) {
            report.failed(h, row, error);
          }
        });
  }

  private Duration backoff(int attempts) {
    Duration delay = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}
