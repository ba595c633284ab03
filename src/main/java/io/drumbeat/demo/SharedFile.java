package io.drumbeat.demo;

import java.util.Objects;

/**
 * A file a {@link SlackDouble} shared into a conversation on {@code files.completeUploadExternal}:
 * the file message that appeared there. Read with {@link SlackDouble#sharedFiles(String)}; the
 * bytes with {@link SlackDouble#uploadedFile(String)}.
 *
 * @param fileId the file id {@code files.getUploadURLExternal} answered, e.g. {@code "F0DEMO1"}
 * @param channel the conversation it was shared into (a DM id {@code D…} for a user id)
 * @param ts the file message's timestamp; the message is also in {@link
 *     SlackDouble#messages(String)}
 * @param threadTs the {@code thread_ts} it was shared with (the parent message), or null for a
 *     top-level share
 * @param filename the {@code filename} given to {@code files.getUploadURLExternal}
 * @param title the title given to {@code files.completeUploadExternal}, else the filename
 * @param size the uploaded size in bytes
 */
public record SharedFile(
    String fileId,
    String channel,
    String ts,
    String threadTs,
    String filename,
    String title,
    int size) {

  /**
   * Checks the fields that are always present.
   *
   * @throws NullPointerException if any field but {@code threadTs} is null
   */
  public SharedFile {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(title, "title");
  }
}
