package io.drumbeat.delivery;

import io.drumbeat.DrumbeatException;
import java.time.Duration;
import java.util.Set;

/**
 * A call to Slack for a delivery that did not succeed, classified by what it means for the message:
 * Slack refused it (for good, or for now), rate-limited it, or its fate is unknown.
 */
public final class SendFailure extends DrumbeatException {
  private static final long serialVersionUID = 1L;

  /**
   * Slack's {@code ok:false} error codes that may succeed on a later try (Slack's method reference:
   * {@code internal_error}, {@code fatal_error}, {@code service_unavailable}, {@code
   * request_timeout}); every other {@code ok:false} is a refusal that retrying cannot fix.
   */
  static final Set<String> TRANSIENT_ERRORS =
      Set.of(
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "ratelimited",
          "team_added_to_org");

  /** What the failure means. */
  public enum Kind {
    /** HTTP 429: wait {@link #retryAfter()} before calling for this channel again. */
    RATE_LIMITED,
    /** Slack did not take the request (e.g. connection refused); try again later. */
    NOT_SENT,
    /** Slack may have acted on it (timeout, reset, 5xx): reconcile before posting again. */
    UNKNOWN,
    /** Slack refused it for now ({@code ok:false} with a transient error). */
    REFUSED_FOR_NOW,
    /** Slack refused it for good (e.g. {@code channel_not_found}, {@code not_in_channel}). */
    REFUSED
  }

  /** The longest {@link #error()} kept: the width of {@code outbox.last_error}. */
  static final int MAX_ERROR = 300;

  private final Kind kind;
  private final String error;
  private final Duration retryAfter;

  /**
   * @param kind what it means
   * @param error Slack's error code or a transport description, e.g. {@code http_503}; kept to its
   *     first {@link #MAX_ERROR} characters (an exception's message can be longer)
   * @param retryAfter Slack's {@code Retry-After} for {@link Kind#RATE_LIMITED}, else zero
   * @param cause the underlying failure, may be null
   */
  public SendFailure(Kind kind, String error, Duration retryAfter, Throwable cause) {
    super("Slack: " + error, cause);
    this.kind = kind;
    this.error =
        error != null && error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    this.retryAfter = retryAfter;
  }

  /** A failure for an {@code ok:false} answer with {@code error}. */
  static SendFailure refused(String error) {
    return new SendFailure(
        TRANSIENT_ERRORS.contains(error) ? Kind.REFUSED_FOR_NOW : Kind.REFUSED,
        error,
        Duration.ZERO,
        null);
  }

  /** What the failure means. */
  public Kind kind() {
    return kind;
  }

  /** Slack's error code or a transport description. */
  public String error() {
    return error;
  }

  /** How long Slack asked to wait (429), else zero. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** True when the message may exist in Slack although the call failed. */
  public boolean maybeDelivered() {
    return kind == Kind.UNKNOWN;
  }
}
