package io.drumbeat.delivery;

import org.jdbi.v3.core.Handle;

/** Tells the admins about a delivery that failed for good, in the transaction that marks it. */
@FunctionalInterface
public interface FailureReport {
  /**
   * @param handle the transaction marking {@code row} failed (record further deliveries with it)
   * @param error Slack's error code or why it was given up
   */
  void failed(Handle handle, OutboxRow row, String error);
}
