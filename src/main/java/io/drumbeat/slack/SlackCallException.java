package io.drumbeat.slack;

import io.drumbeat.DrumbeatException;

/**
 * A Slack Web API call that failed after the retries the gateway makes.
 *
 * @see SlackGateway
 */
public final class SlackCallException extends DrumbeatException {
  private final String method;
  private final String error;

  /**
   * @param method Web API method, e.g. "chat.postMessage"
   * @param error Slack's error code (e.g. "not_in_channel", "channel_not_found") or a transport
   *     description such as "http_503"
   * @param cause the underlying failure, may be null
   */
  public SlackCallException(String method, String error, Throwable cause) {
    super(method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
  }

  /** The Web API method that failed. */
  public String method() {
    return method;
  }

  /** Slack's error code or a transport description. */
  public String error() {
    return error;
  }

  /** True when the channel is missing or the app is not in it: an admin must act. */
  public boolean isChannelProblem() {
    return "not_in_channel".equals(error)
        || "channel_not_found".equals(error)
        || "is_archived".equals(error);
  }
}
