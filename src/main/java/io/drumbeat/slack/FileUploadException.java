package io.drumbeat.slack;

import io.drumbeat.DrumbeatException;
import java.time.Duration;
import java.util.Optional;

/**
 * One step of Slack's external file upload failed ({@link FileUploads}). Says which step, Slack's
 * error code, and whether trying the whole upload again later may succeed.
 */
public final class FileUploadException extends DrumbeatException {
  private final String step;
  private final String error;
  private final boolean retryable;
  private final Duration retryAfter;
  private final String fileId;

  /**
   * @param step {@code "files.getUploadURLExternal"}, {@value FileUploads#UPLOAD_STEP} or {@code
   *     "files.completeUploadExternal"}
   * @param error Slack's error code from an {@code ok: false} answer (e.g. {@code not_in_channel}),
   *     {@code ratelimited} for HTTP 429, {@code http_<status>} for other HTTP failures, or {@code
   *     io_error: <reason>}
   * @param retryable true for HTTP 429, 5xx and I/O failures: Slack may take it later
   * @param retryAfter how long Slack asked to wait ({@code Retry-After} of a 429), or null
   * @param fileId the file id Slack handed out, or null when the first step failed
   * @param cause the underlying failure, or null
   */
  public FileUploadException(
      String step,
      String error,
      boolean retryable,
      Duration retryAfter,
      String fileId,
      Throwable cause) {
    super(step + " failed: " + error + (retryable ? " (retryable)" : ""), cause);
    this.step = step;
    this.error = error;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.fileId = fileId;
  }

  /** The step that failed, e.g. {@code "files.completeUploadExternal"}. */
  public String step() {
    return step;
  }

  /** Slack's error code or a transport description, e.g. {@code "http_503"}. */
  public String error() {
    return error;
  }

  /** Whether the same upload may succeed later (HTTP 429, 5xx, I/O failure). */
  public boolean retryable() {
    return retryable;
  }

  /** How long Slack asked to wait before trying again (HTTP 429 {@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The file id Slack handed out before the failure, if any; an unshared file is never shown. */
  public Optional<String> fileId() {
    return Optional.ofNullable(fileId);
  }

  /** True when the channel is missing or the app is not in it: an admin must act. */
  public boolean isChannelProblem() {
    return "not_in_channel".equals(error)
        || "channel_not_found".equals(error)
        || "is_archived".equals(error);
  }
}
