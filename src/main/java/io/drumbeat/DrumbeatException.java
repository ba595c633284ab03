package io.drumbeat;

/**
 * The one unchecked exception root of Drumbeat. Every failure Drumbeat raises on purpose is a
 * subclass; boundaries (Slack listeners, scheduled jobs, {@code main}) catch it and turn it into a
 * message for the person or the log.
 */
public class DrumbeatException extends RuntimeException {
  /**
   * @param message what went wrong, in words a user or admin can act on
   */
  public DrumbeatException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, in words a user or admin can act on
   * @param cause the underlying failure
   */
  public DrumbeatException(String message, Throwable cause) {
    super(message, cause);
  }
}
