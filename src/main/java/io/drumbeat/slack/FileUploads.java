package io.drumbeat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Shares a file (e.g. a chart PNG) into a channel or thread with Slack's external upload flow
 * (docs.slack.dev/reference/methods/files.getUploadURLExternal, files.completeUploadExternal; bot
 * scope {@code files:write}): {@code files.getUploadURLExternal} (filename, length) answers an
 * {@code upload_url} and a {@code file_id}; the bytes are POSTed raw to that URL, which answers
 * HTTP 200; {@code files.completeUploadExternal} with the file id, a title, {@code channel_id} and
 * {@code thread_ts} shares it. A file that is never completed is never shown.
 *
 * <p>Synchronous and single-shot: each step is sent once, and the first failure ends the upload
 * with a {@link FileUploadException} saying whether it is retryable; the caller decides when to try
 * again (the whole upload: a new file id). Thread-safe.
 */
public final class FileUploads {
  /** The {@link FileUploadException#step()} of the POST of the bytes to the upload URL. */
  public static final String UPLOAD_STEP = "upload";

  private static final String GET_URL = "files.getUploadURLExternal";
  private static final String COMPLETE = "files.completeUploadExternal";

  /** Slack's limit on {@code alt_txt}, in characters. */
  private static final int MAX_ALT_TEXT = 1000;

  private final MethodsClient methods;
  private final OkHttpClient http;

  /**
   * @param slack the SDK entry point: its config carries the Web API URL and HTTP timeouts, and its
   *     HTTP client POSTs the bytes
   * @param botToken the bot token ({@code xoxb-…}); sent to the Web API only, never to the upload
   *     URL, never logged
   */
  public FileUploads(Slack slack, String botToken) {
    this.methods = slack.methods(botToken);
    this.http = slack.getHttpClient().getOkHttpClient();
  }

  /**
   * Uploads {@code content} and shares it into {@code channel}, in the thread of {@code threadTs}
   * when given.
   *
   * @param channel a channel id (or a DM id) the app may post in
   * @param threadTs the parent message's ts (never a reply's), or null for a top-level file message
   * @param filename e.g. {@code "okr-trend-FY2027-Q1.png"}; Slack derives the file type from it
   * @param title shown above the file; also its alt text for screen readers (first 1000 characters)
   * @param content the file's bytes, at least one
   * @return the file id, and its permalink when Slack gives one
   * @throws IllegalArgumentException if {@code content} is empty or a required text is blank
   * @throws FileUploadException if a step fails: HTTP 429 (retryable, with {@code Retry-After}),
   *     HTTP 5xx or I/O (retryable), {@code ok: false} or another HTTP status (not retryable, with
   *     Slack's error code)
   */
  public Uploaded upload(
      String channel, String threadTs, String filename, String title, byte[] content) {
    requireText(channel, "channel");
    return share(stage(filename, title, content), title, channel, threadTs);
  }

  /**
   * The first two steps: asks for an upload URL and POSTs the bytes to it. Nothing is shown until
   * {@link #share}; a staged file never shared is never shown.
   *
   * @return the file id, for {@link #share}
   * @throws FileUploadException as {@link #upload} does
   */
  public String stage(String filename, String title, byte[] content) {
    requireText(filename, "filename");
    requireText(title, "title");
    if (content.length == 0) {
      throw new IllegalArgumentException("content must not be empty");
    }
    String altText = title.length() > MAX_ALT_TEXT ? title.substring(0, MAX_ALT_TEXT) : title;
    var target =
        call(
            GET_URL,
            null,
            () ->
                methods.filesGetUploadURLExternal(
                    r -> r.filename(filename).length(content.length).altTxt(altText)));
    String fileId = target.getFileId();
    if (fileId == null || target.getUploadUrl() == null) {
      throw new FileUploadException(GET_URL, "no_upload_url", false, null, fileId, null);
    }
    post(target.getUploadUrl(), fileId, content);
    return fileId;
  }

  /**
   * The last step: {@code files.completeUploadExternal} shares the staged file {@code fileId} into
   * {@code channel} (in the thread of {@code threadTs} when given).
   *
   * @throws FileUploadException as {@link #upload} does; a retryable failure here may still have
   *     shared the file
   */
  public Uploaded share(String fileId, String title, String channel, String threadTs) {
    requireText(channel, "channel");
    FileDetails file = FileDetails.builder().id(fileId).title(title).build();
    var done =
        call(
            COMPLETE,
            fileId,
            () ->
                methods.filesCompleteUploadExternal(
                    r -> r.files(List.of(file)).channelId(channel).threadTs(threadTs)));
    List<com.slack.api.model.File> files = done.getFiles();
    String permalink = files == null || files.isEmpty() ? null : files.get(0).getPermalink();
    return new Uploaded(fileId, permalink);
  }

  /** POSTs the raw bytes to the upload URL, without the token; Slack answers HTTP 200. */
  private void post(String uploadUrl, String fileId, byte[] content) {
    Request request =
        new Request.Builder().url(uploadUrl).post(RequestBody.create(content)).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw httpFailure(
            UPLOAD_STEP, fileId, response.code(), response.header("Retry-After"), null);
      }
    } catch (IOException e) {
      throw new FileUploadException(
          UPLOAD_STEP, "io_error: " + e.getMessage(), true, null, fileId, e);
    }
  }

  private static <T extends SlackApiTextResponse> T call(
      String method, String fileId, SyncCall<T> request) {
    T response;
    try {
      response = request.call();
    } catch (SlackApiException e) {
      var http = e.getResponse();
      throw httpFailure(method, fileId, http.code(), http.header("Retry-After"), e);
    } catch (IOException e) {
      throw new FileUploadException(method, "io_error: " + e.getMessage(), true, null, fileId, e);
    }
    if (!response.isOk()) {
      throw new FileUploadException(method, response.getError(), false, null, fileId, null);
    }
    return response;
  }

  /** 429: retryable after {@code Retry-After} seconds; 5xx: retryable; else refused. */
  private static FileUploadException httpFailure(
      String step, String fileId, int status, String retryAfter, Throwable cause) {
    if (status == 429) {
      return new FileUploadException(step, "ratelimited", true, seconds(retryAfter), fileId, cause);
    }
    return new FileUploadException(step, "http_" + status, status >= 500, null, fileId, cause);
  }

  /** A {@code Retry-After} of whole seconds, or null when absent or not a number. */
  private static Duration seconds(String retryAfter) {
    try {
      return retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  @FunctionalInterface
  private interface SyncCall<T> {
    T call() throws IOException, SlackApiException;
  }

  /**
   * A shared file.
   *
   * @param fileId Slack's file id, e.g. {@code "F0123ABCD"}
   * @param permalink the file's permalink, or null when Slack's answer had none
   */
  public record Uploaded(String fileId, String permalink) {}
}
