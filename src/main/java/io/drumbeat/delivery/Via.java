package io.drumbeat.delivery;

/** How an outbox row reaches Slack. */
public enum Via {
  /** {@code chat.postMessage} the first time, {@code chat.update} for every later drawing. */
  CHAT,
  /** {@code views.publish} of a person's Home tab (idempotent: the latest drawing wins). */
  HOME,
  /** A POST to an interaction's {@code response_url} (an ephemeral reply, valid for 30 minutes). */
  RESPOND,
  /**
   * A file (e.g. a chart PNG) shared into a channel or thread with Slack's external upload flow
   * ({@code files.getUploadURLExternal}, the upload, {@code files.completeUploadExternal}).
   */
  FILE
}
