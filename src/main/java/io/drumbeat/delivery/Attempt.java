package io.drumbeat.delivery;

import io.drumbeat.slack.FileUploadException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One try at delivering an outbox row: wait for its thread parent, draw it, wait for its {@link
 * Pacer} slot, call Slack and record the outcome. A first post (or file share) whose earlier
 * outcome is unknown is looked for before it is sent again. Failures are thrown as {@link
 * SendFailure}s for the {@link Deliverer} to classify.
 */
final class Attempt {
  private static final Logger LOG = LoggerFactory.getLogger(Attempt.class);

  private final Jdbi jdbi;
  private final Sending sending;
  private final Clock clock;
  private final OutboxRow row;
  private final Renderer renderer;
  private final Instant now;
  private final OutboxRepository repo;
  private String target;

  Attempt(Jdbi jdbi, Sending sending, Clock clock, OutboxRow row, Renderer renderer, Instant now) {
    this.jdbi = jdbi;
    this.sending = sending;
    this.clock = clock;
    this.row = row;
    this.renderer = renderer;
    this.now = now;
    this.repo = jdbi.onDemand(OutboxRepository.class);
  }

  Optional<Instant> run() {
    String threadTs = null;
    target = row.channel();
    if (row.threadKey() != null) {
      OutboxRow parent = repo.find(row.threadKey()).orElse(null);
      if (parent == null || (!parent.isPosted() && parent.state() != DeliveryState.PENDING)) {
        throw SendFailure.refused("thread_parent_not_posted");
      }
      if (!parent.isPosted()) {
        return Optional.of(now.plusSeconds(1));
      }
      threadTs = parent.postedTs();
      // A reply in a DM thread goes where the parent landed (a D… id, not the user id).
      target = parent.postedChannel();
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
          case FILE -> row.isPosted() ? Optional.<Instant>empty() : share(content.get(), threadTs);
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
    Optional<Instant> slot = slot("chat.postMessage", target);
    if (slot.isPresent()) {
      return slot;
    }
    repo.startAttempt(row.deliveryKey(), true, now);
    record(sending.sender().post(target, threadTs, content, row.deliveryKey()), row.generation());
    return Optional.empty();
  }

  /**
   * Records where the post landed: the subject's row first, then the outbox row, the order in which
   * a change locks them (it updates its subject, then asks for a redraw), so that a change made
   * meanwhile waits instead of deadlocking with the delivery.
   */
  private void record(Posted at, int generation) {
    jdbi.useTransaction(
        h -> {
          renderer.posted(h, row, at);
          h.attach(OutboxRepository.class)
              .posted(row.deliveryKey(), at.channel(), at.ts(), generation, clock.instant());
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

  private Optional<Instant> share(Content content, String threadTs) {
    if (row.inDoubt() && row.fileId() != null) {
      Optional<Posted> found = sending.reconciler().findFile(row, threadTs, row.fileId());
      if (found.isPresent()) {
        LOG.info("Delivery {} was shared although its answer was lost", row.deliveryKey());
        record(new Posted(found.get().channel(), row.fileId()), row.generation());
        return Optional.empty();
      }
    }
    Optional<Instant> slot = slot("chat.postMessage", target);
    if (slot.isPresent()) {
      return slot;
    }
    String fileId;
    try {
      fileId = sending.files().stage(content.fileName(), content.text(), content.file());
    } catch (FileUploadException e) {
      throw failure(e, false);
    }
    repo.staged(row.deliveryKey(), fileId, now);
    repo.startAttempt(row.deliveryKey(), true, now);
    try {
      sending.files().share(fileId, content.text(), target, threadTs);
    } catch (FileUploadException e) {
      throw failure(e, true);
    }
    record(new Posted(target, fileId), row.generation());
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

  /** What a failed upload step means for the file: only a failed share may have shown it. */
  private static SendFailure failure(FileUploadException e, boolean shareStep) {
    if (e.retryAfter().isPresent()) {
      return new SendFailure(SendFailure.Kind.RATE_LIMITED, e.error(), e.retryAfter().get(), e);
    }
    if (!e.retryable()) {
      return SendFailure.refused(e.error());
    }
    return new SendFailure(
        shareStep ? SendFailure.Kind.UNKNOWN : SendFailure.Kind.NOT_SENT,
        e.error(),
        Duration.ZERO,
        e);
  }
}
