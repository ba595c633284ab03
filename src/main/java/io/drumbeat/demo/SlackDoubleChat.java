package io.drumbeat.demo;

import static io.drumbeat.demo.SlackDoubleResponses.MAPPER;
import static io.drumbeat.demo.SlackDoubleResponses.error;
import static io.drumbeat.demo.SlackDoubleResponses.ok;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDoubleWorkspace.Target;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code chat.postMessage}, {@code chat.update} and {@code chat.delete} answers of a {@link
 * SlackDouble}, which also store, edit and remove messages in its {@link SlackDoubleMessages}.
 * Error codes are Slack's (docs.slack.dev/reference/methods/chat.postMessage, chat.update,
 * chat.delete).
 */
final class SlackDoubleChat {

  private final SlackDoubleWorkspace workspace;
  private final SlackDoubleMessages messages;

  SlackDoubleChat(SlackDoubleWorkspace workspace, SlackDoubleMessages messages) {
    this.workspace = workspace;
    this.messages = messages;
  }

  /** Stores a new message in the resolved conversation and answers it with its {@code ts}. */
  ObjectNode post(Map<String, String> p) {
    Target target = workspace.resolve(p.get("channel"));
    if (target.error() != null) {
      return error(target.error());
    }
    Optional<String> invalid = invalidJson(p);
    if (invalid.isPresent()) {
      return error(invalid.get());
    }
    StoredMessage message =
        new StoredMessage(
            target.channelId(),
            workspace.nextTs(),
            p.get("thread_ts"),
            p.getOrDefault("text", ""),
            p.get("blocks"),
            p.get("username"),
            p.get("icon_url"),
            p.get("metadata"),
            SlackDoubleWorkspace.BOT_USER_ID,
            SlackDoubleWorkspace.BOT_ID,
            null);
    messages.put(message);
    ObjectNode response = ok().put("channel", message.channel()).put("ts", message.ts());
    response.set("message", SlackDoubleHistory.json(message, false, 0));
    return response;
  }

  /**
   * Replaces the text, blocks and metadata sent (each kept when not sent) of message {@code ts};
   * answers {@code message_not_found} when the resolved conversation holds no such message.
   */
  ObjectNode update(Map<String, String> p) {
    Target target = workspace.resolve(p.get("channel"));
    if (target.error() != null) {
      return error(target.error());
    }
    Optional<String> invalid = invalidJson(p);
    if (invalid.isPresent()) {
      return error(invalid.get());
    }
    Optional<StoredMessage> held =
        messages.edit(
            target.channelId(),
            p.get("ts"),
            m -> m.edited(p.get("text"), p.get("blocks"), p.get("metadata")));
    if (held.isEmpty()) {
      return error("message_not_found");
    }
    StoredMessage edited = held.get();
    ObjectNode response =
        ok().put("channel", edited.channel()).put("ts", edited.ts()).put("text", edited.text());
    response.set("message", SlackDoubleHistory.json(edited, false, 0));
    return response;
  }

  /** Removes message {@code ts}; {@code message_not_found} when it is not held. */
  ObjectNode delete(Map<String, String> p) {
    Target target = workspace.resolve(p.get("channel"));
    if (target.error() != null) {
      return error(target.error());
    }
    String ts = p.get("ts");
    return messages.remove(target.channelId(), ts)
        ? ok().put("channel", target.channelId()).put("ts", ts)
        : error("message_not_found");
  }

  /** Slack's error code for malformed {@code blocks} or {@code metadata}, if either is. */
  private static Optional<String> invalidJson(Map<String, String> p) {
    JsonNode blocks = parse(p.get("blocks"));
    if (blocks != null && !blocks.isArray()) {
      return Optional.of("invalid_blocks_format");
    }
    JsonNode metadata = parse(p.get("metadata"));
    if (metadata != null && !metadata.isObject()) {
      return Optional.of("invalid_metadata_format");
    }
    boolean schema =
        metadata == null
            || metadata.path("event_type").isTextual() && metadata.path("event_payload").isObject();
    return schema ? Optional.empty() : Optional.of("invalid_metadata_schema");
  }

  /** The parsed JSON, {@code null} when absent, {@link JsonNode#isMissingNode missing} if bad. */
  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
