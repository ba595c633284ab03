package io.drumbeat.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * A message a {@link SlackDouble} holds: stored by a successful {@code chat.postMessage}, edited by
 * {@code chat.update}, removed by {@code chat.delete}. Read with {@link
 * SlackDouble#messages(String)} and {@link SlackDouble#replies(String, String)}.
 *
 * @param channel the conversation it is in: a channel id, or the DM id {@code D…} when it was
 *     posted to a user id {@code U…}
 * @param ts its Slack timestamp, e.g. {@code "1763452800.000001"}; unique within the double
 * @param threadTs the {@code thread_ts} it was posted with (its parent's {@code ts}), or {@code
 *     null} for a top-level message
 * @param text the {@code text} parameter, {@code ""} when none was sent
 * @param blocks the {@code blocks} parameter exactly as sent (a JSON array as text), or {@code
 *     null}
 * @param username the {@code username} parameter ({@code chat:write.customize}), or {@code null}
 * @param iconUrl the {@code icon_url} parameter, or {@code null}
 * @param metadata the {@code metadata} parameter exactly as sent (a JSON object as text, e.g.
 *     {@code {"event_type":"drumbeat_delivery","event_payload":{"key":"…"}}}), or {@code null}
 * @param user the user id of the bot that posted it ({@code "U0BOT"})
 * @param botId the bot id of the bot that posted it ({@code "B0BOT"})
 * @param fileId the file a file message shares ({@code files.completeUploadExternal}), else null
 */
public record StoredMessage(
    String channel,
    String ts,
    String threadTs,
    String text,
    String blocks,
    String username,
    String iconUrl,
    String metadata,
    String user,
    String botId,
    String fileId) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Checks the fields that are always present.
   *
   * @throws NullPointerException if {@code channel}, {@code ts}, {@code text}, {@code user} or
   *     {@code botId} is null
   */
  public StoredMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(botId, "botId");
  }

  /** Whether this is a thread reply: it has a {@code threadTs} other than its own {@code ts}. */
  public boolean isReply() {
    return threadTs != null && !threadTs.equals(ts);
  }

  /**
   * The blocks as a JSON tree.
   *
   * @return the parsed array, or {@link MissingNode} when the message has no blocks
   * @throws IllegalArgumentException if {@code blocks} is not valid JSON (never for a message the
   *     double stored: it answers {@code invalid_blocks_format} instead of storing one)
   */
  public JsonNode blocksJson() {
    return parse(blocks);
  }

  /**
   * The metadata as a JSON tree.
   *
   * @return the parsed object, or {@link MissingNode} when the message has no metadata
   * @throws IllegalArgumentException if {@code metadata} is not valid JSON (never for a message the
   *     double stored: it answers {@code invalid_metadata_format} instead of storing one)
   */
  public JsonNode metadataJson() {
    return parse(metadata);
  }

  /**
   * The metadata's {@code event_type} (e.g. {@code "drumbeat_delivery"}), or {@code null}.
   *
   * @throws IllegalArgumentException as {@link #metadataJson()}
   */
  public String metadataEventType() {
    return textOrNull(metadataJson().path("event_type"));
  }

  /**
   * The metadata's {@code event_payload.key} (e.g. {@code "daily-post:U1:2026-11-30:C0DIST"}), or
   * {@code null} when there is no metadata or no textual key.
   *
   * @throws IllegalArgumentException as {@link #metadataJson()}
   */
  public String metadataKey() {
    return textOrNull(metadataJson().path("event_payload").path("key"));
  }

  /**
   * This message as {@code chat.update} leaves it: each of {@code text}, {@code blocks} and {@code
   * metadata} replaced when given (non-null), kept otherwise.
   */
  StoredMessage edited(String newText, String newBlocks, String newMetadata) {
    return new StoredMessage(
        channel,
        ts,
        threadTs,
        newText != null ? newText : text,
        newBlocks != null ? newBlocks : blocks,
        username,
        iconUrl,
        newMetadata != null ? newMetadata : metadata,
        user,
        botId,
        fileId);
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.textValue() : null;
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
