package io.drumbeat.delivery;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Draws an outbox row's message from the database's current state, at delivery time. Because the
 * drawing happens after the change that asked for it committed, the latest drawing always shows the
 * latest state, whichever instance delivers it and whatever failed before. Registered with {@link
 * Outbox#register} under its {@link OutboxRow#kind()}.
 */
public interface Renderer {
  /**
   * The message as it should read now.
   *
   * @param handle a read transaction
   * @return the content, or empty when there is nothing to send any more (e.g. its subject is gone)
   */
  Optional<Content> render(Handle handle, OutboxRow row);

  /**
   * Called in the transaction that records the first post of {@code row}, e.g. to remember where a
   * daily update was posted.
   */
  default void posted(Handle handle, OutboxRow row, Posted at) {}

  /**
   * Called in the transaction that marks {@code row} failed for good (the admins are told apart
   * from this), e.g. to free a retro's channel when its announcement cannot be posted.
   *
   * @param error Slack's error code, e.g. {@code not_in_channel}
   */
  default void failed(Handle handle, OutboxRow row, String error) {}

  /**
   * True when the content never changes once recorded ({@value Outbox#MESSAGE}): a message found by
   * reconciliation is then complete, with no edit to follow.
   */
  default boolean isFixed() {
    return false;
  }
}
