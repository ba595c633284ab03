package io.drumbeat;

import org.jdbi.v3.core.Handle;

/**
 * Asks for a person's App Home tab to be drawn again from the database, after a change of theirs (a
 * check-in, a daily update, an action item marked done, a ballot). A feature calls it with the
 * {@link Handle} of the change, so the redraw is recorded in the outbox in the same transaction: it
 * happens if and only if the change commits, and several redraws asked for before the Home is
 * published collapse into one ({@code views.publish}; the latest drawing wins).
 */
@FunctionalInterface
public interface HomeRefresh {
  /**
   * Records a redraw of {@code userId}'s Home tab in {@code handle}'s transaction.
   *
   * @param handle the transaction of the change
   * @param userId the Slack user id ({@code U…}) whose Home shows the change
   */
  void redraw(Handle handle, String userId);

  /** A refresh that does nothing (for parts assembled without an App Home). */
  static HomeRefresh none() {
    return (handle, userId) -> {};
  }
}
