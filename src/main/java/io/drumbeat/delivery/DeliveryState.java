package io.drumbeat.delivery;

/** Where an outbox row stands. */
public enum DeliveryState {
  /** Waiting to be delivered (first time, or a newer drawing than the one sent). */
  PENDING,
  /** The latest drawing reached Slack. */
  SENT,
  /** Slack refused it for good (e.g. {@code channel_not_found}); the admins were told. */
  FAILED,
  /** It was not delivered before it stopped mattering (e.g. a prompt after the day's reminder). */
  EXPIRED
}
