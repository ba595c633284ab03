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
      return new Attempt(row, renderer.get(), now).run();
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

  /** One try at a row: draw, pace, send, record. */
  private final class Attempt {
    private final OutboxRow row;
    private final Renderer renderer;
    private final Instant now;
    private final OutboxRepository repo = jdbi.onDemand(OutboxRepository.class);

    Attempt(OutboxRow row, Renderer renderer, Instant now) {
      this.row = row;
      this.renderer = renderer;
      this.now = now;
    }

    Optional<Instant> run() {
      String threadTs = null;
      if (row.threadKey() != null) {
        OutboxRow parent = repo.find(row.threadKey()).orElse(null);
        if (parent == null || (!parent.isPosted() && parent.state() != DeliveryState.PENDING)) {
          throw SendFailure.refused("thread_parent_not_posted");
        }
        if (!parent.isPosted()) {
          return Optional.of(now.plusSeconds(1));
        }
        threadTs = parent.postedTs();
      }
      Optional<Content> content = jdbi.inTransaction(h -> renderer.render(h, row));
      if (content.isEmpty()) {
        repo.delivered(row.deliveryKey(), row.generation(), now);
        return again();
      }
      Optional<Instant> wait =
          switch (row.via()) {
            case CHAT -> row.isPosted() ? edit(content.get()) : post(content.get(), threadTs);
            case HOME -> publish(content.get());
            case RESPOND -> reply(content.get());
          };
      return wait.isPresent() ? wait : again();
    }

    private Optional<Instant> post(Content content, String threadTs) {
      if (row.inDoubt()) {
        Optional<Posted> found = sending.reconciler().find(row, threadTs);
        if (found.isPresent()) {
          LOG.info("Delivery {} was posted although its answer was lost", row.deliveryKey());
          record(found.get(), renderer.isFixed() ? row.generation() : 0);
          return Optional.empty();
        }
      }
      Optional<Instant> slot = slot("chat.postMessage", row.channel());
      if (slot.isPresent()) {
        return slot;
      }
      repo.startAttempt(row.deliveryKey(), true, now);
      record(
          sending.sender().post(row.channel(), threadTs, content, row.deliveryKey()),
          row.generation());
      return Optional.empty();
    }

    private void record(Posted at, int generation) {
      jdbi.useTransaction(
          h -> {
            h.attach(OutboxRepository.class)
                .posted(row.deliveryKey(), at.channel(), at.ts(), generation, clock.instant());
            renderer.posted(h, row, at);
          });
      sending.learned(row.channel(), at.channel());
    }

    private Optional<Instant> edit(Content content) {
      Optional<Instant> slot = slot("chat.update", row.postedChannel());
      if (slot.isPresent()) {
        return slot;
      }
      repo.startAttempt(row.deliveryKey(), false, now);
      sending.sender().update(row.postedChannel(), row.postedTs(), content);
      repo.delivered(row.deliveryKey(), row.generation(), clock.instant());
      return Optional.empty();
    }

    private Optional<Instant> publish(Content content) {
      Optional<Instant> slot = slot("views.publish", null);
      if (slot.isPresent()) {
        return slot;
      }
      repo.startAttempt(row.deliveryKey(), false, now);
      sending.sender().publish(row.channel(), content);
      repo.delivered(row.deliveryKey(), row.generation(), clock.instant());
      return Optional.empty();
    }

    private Optional<Instant> reply(Content content) {
      repo.startAttempt(row.deliveryKey(), false, now);
      sending.sender().respond(row.channel(), content);
      repo.delivered(row.deliveryKey(), row.generation(), clock.instant());
      return Optional.empty();
    }

    private Optional<Instant> slot(String method, String channel) {
      Instant slot = sending.pacer().slot(row.deliveryKey(), method, channel);
      return slot.isAfter(now) ? Optional.of(slot) : Optional.empty();
    }

    /** Empty when the row is done; now when a newer drawing was asked for meanwhile. */
    private Optional<Instant> again() {
      return repo.find(row.deliveryKey())
          .filter(r -> r.state() == DeliveryState.PENDING)
          .map(r -> clock.instant());
    }
  }

  private Optional<Instant> failed(OutboxRow row, Renderer renderer, SendFailure f, Instant now) {
    OutboxRepository repo = jdbi.onDemand(OutboxRepository.class);
    boolean post = row.via() == Via.CHAT && !row.isPosted();
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
