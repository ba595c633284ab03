package io.drumbeat.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * Drumbeat's durable outbox: a feature records every Slack side effect of a change as a {@link
 * Delivery}, with the same {@link Handle} and so in the same transaction as the change. What a user
 * was promised therefore survives a crash, a deploy or a Slack outage: it is delivered from the
 * database by {@link DeliveryTask}, once, by whichever instance picks it.
 *
 * <p>After the transaction commits, the delivery is handed to the scheduler at once; a delivery
 * recorded while no scheduler is attached (or lost in a crash before it was handed over) is found
 * by the sweeper within a minute.
 */
public final class Outbox {
  /** Kind of a delivery whose content is fixed when it is recorded. */
  public static final String MESSAGE = "message";

  private final Clock clock;
  private final Map<String, Renderer> renderers = new ConcurrentHashMap<>();
  private final AtomicReference<Wakeup> wakeup = new AtomicReference<>((key, at) -> {});

  /** Wakes the local scheduler after a commit. */
  @FunctionalInterface
  public interface Wakeup {
    /** Delivery {@code key}, scheduled in the committed transaction, is due at {@code at}. */
    void due(String key, Instant at);
  }

  /**
   * @param clock the time source (recorded and not-before instants)
   */
  public Outbox(Clock clock) {
    this.clock = clock;
    renderers.put(
        MESSAGE,
        new Renderer() {
          @Override
          public Optional<Content> render(Handle handle, OutboxRow row) {
            return Optional.of(Content.fromJson(row.payload()));
          }

          @Override
          public boolean isFixed() {
            return true;
          }
        });
  }

  /**
   * Registers the renderer of a kind of drawn delivery (at assembly, before anything is delivered).
   *
   * @throws IllegalStateException when the kind is taken
   */
  public void register(String kind, Renderer renderer) {
    if (renderers.putIfAbsent(kind, renderer) != null) {
      throw new IllegalStateException("Renderer " + kind + " is registered twice");
    }
  }

  /** The renderer of {@code kind}, or empty when none is registered. */
  Optional<Renderer> renderer(String kind) {
    return Optional.ofNullable(renderers.get(kind));
  }

  /** Connects the outbox to the scheduler that delivers it (once, in the composition root). */
  public void attach(Wakeup scheduler) {
    wakeup.set(scheduler);
  }

  /**
   * Records {@code delivery} in {@code handle}'s transaction. Recording a key that exists does
   * nothing, so a retried job or a replayed request never sends twice.
   *
   * @return true when it was new
   */
  public boolean enqueue(Handle handle, Delivery delivery) {
    Instant now = clock.instant();
    int inserted =
        handle
            .attach(OutboxRepository.class)
            .insert(
                delivery.key(),
                delivery.kind(),
                delivery.via(),
                delivery.subject(),
                delivery.channel(),
                delivery.threadKey(),
                delivery.content() == null ? null : delivery.content().toJson(),
                delivery.notBefore(),
                delivery.expiresAt(),
                now);
    if (inserted == 1) {
      schedule(handle, delivery.key(), delivery.notBefore(), false);
    }
    return inserted == 1;
  }

  /**
   * Records a drawn delivery, or asks for it to be drawn again from the current state. With a
   * {@link Delivery#notBefore()} the request is batched: it joins a drawing already waiting.
   */
  public void draw(Handle handle, Delivery delivery) {
    if (enqueue(handle, delivery)) {
      return;
    }
    boolean immediate = delivery.notBefore() == null;
    handle
        .attach(OutboxRepository.class)
        .redraw(delivery.key(), immediate, delivery.notBefore(), clock.instant());
    schedule(handle, delivery.key(), delivery.notBefore(), immediate);
  }

  private void schedule(Handle handle, String key, Instant notBefore, boolean bringForward) {
    Instant at = notBefore == null ? clock.instant() : notBefore;
    OutboxRepository repo = handle.attach(OutboxRepository.class);
    if (repo.schedule(DeliveryTask.NAME, key, at) == 0 && bringForward) {
      repo.bringForward(DeliveryTask.NAME, key, at);
    }
    if (handle.isInTransaction()) {
      handle.afterCommit(() -> wakeup.get().due(key, at));
    } else {
      wakeup.get().due(key, at);
    }
  }
}
