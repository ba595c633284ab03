package io.drumbeat.demo;

import static io.drumbeat.demo.SlackDoubleResponses.MAPPER;
import static io.drumbeat.demo.SlackDoubleResponses.error;
import static io.drumbeat.demo.SlackDoubleResponses.ok;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDoubleWorkspace.Target;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@code conversations.history} and {@code conversations.replies} answers of a {@link
 * SlackDouble}, read from its {@link SlackDoubleMessages} and shaped like Slack's
 * (docs.slack.dev/reference/methods/conversations.history, conversations.replies). Pages are cut by
 * {@code limit} (history default 100, replies default 1000, at most 999 per page) and continued by
 * a cursor naming the last {@code ts} returned, so posts and deletions between pages neither repeat
 * nor skip a message.
 */
final class SlackDoubleHistory {

  private static final int MAX_LIMIT = 999;
  private static final String CURSOR_PREFIX = "after_ts:";

  private final SlackDoubleWorkspace workspace;
  private final SlackDoubleMessages messages;

  SlackDoubleHistory(SlackDoubleWorkspace workspace, SlackDoubleMessages messages) {
    this.workspace = workspace;
    this.messages = messages;
  }

  /**
   * One message as Slack lists it: {@code type}, {@code ts}, {@code text}, {@code user}, {@code
   * bot_id}, {@code team}; {@code thread_ts} for a reply, or for a parent with replies (its own ts,
   * with {@code reply_count}); {@code blocks} (parsed) and {@code username} when it has them;
   * {@code metadata} (parsed) only when {@code withMetadata} and it has some; {@code files} (the
   * shared file's id) for a file message.
   */
  static ObjectNode json(StoredMessage m, boolean withMetadata, int replyCount) {
    ObjectNode json =
        MAPPER
            .createObjectNode()
            .put("type", "message")
            .put("ts", m.ts())
            .put("text", m.text())
            .put("user", m.user())
            .put("bot_id", m.botId())
            .put("team", SlackDoubleWorkspace.TEAM_ID);
    if (m.isReply()) {
      json.put("thread_ts", m.threadTs());
    } else if (replyCount > 0) {
      json.put("thread_ts", m.ts()).put("reply_count", replyCount);
    }
    if (m.blocks() != null) {
      json.set("blocks", m.blocksJson());
    }
    if (m.username() != null) {
      json.put("username", m.username());
    }
    if (withMetadata && m.metadata() != null) {
      json.set("metadata", m.metadataJson());
    }
    if (m.fileId() != null) {
      json.putArray("files").addObject().put("id", m.fileId());
    }
    return json;
  }

  /** Top-level messages of a conversation the bot can read, newest first, within the range. */
  ObjectNode history(Map<String, String> p) {
    Target target = workspace.readable(p.get("channel"));
    if (target.error() != null) {
      return error(target.error());
    }
    SlackDoubleRange range = SlackDoubleRange.of(p);
    if (range.error() != null) {
      return error(range.error());
    }
    List<StoredMessage> newestFirst =
        new ArrayList<>(
            messages.topLevel(target.channelId()).stream().filter(range::contains).toList());
    Collections.reverse(newestFirst);
    return page(p, newestFirst, 100, true).put("pin_count", 0);
  }

  /**
   * The thread of message {@code ts}: its parent first (always, on the first page), then the
   * replies within the range, oldest first; {@code thread_not_found} when {@code ts} is not held.
   */
  ObjectNode replies(Map<String, String> p) {
    Target target = workspace.readable(p.get("channel"));
    if (target.error() != null) {
      return error(target.error());
    }
    SlackDoubleRange range = SlackDoubleRange.of(p);
    if (range.error() != null) {
      return error(range.error());
    }
    List<StoredMessage> thread = messages.thread(target.channelId(), p.get("ts"));
    if (thread.isEmpty()) {
      return error("thread_not_found");
    }
    List<StoredMessage> shown = new ArrayList<>(List.of(thread.get(0)));
    thread.stream().skip(1).filter(range::contains).forEach(shown::add);
    return page(p, shown, 1000, false);
  }

  private ObjectNode page(
      Map<String, String> p, List<StoredMessage> ordered, int defaultLimit, boolean newestFirst) {
    int limit;
    try {
      limit = Integer.parseInt(p.getOrDefault("limit", "0").trim());
    } catch (NumberFormatException e) {
      return error("invalid_limit");
    }
    int from;
    try {
      from = start(ordered, p.getOrDefault("cursor", ""), newestFirst);
    } catch (IllegalArgumentException e) {
      return error("invalid_cursor");
    }
    int size = limit <= 0 ? defaultLimit : Math.min(limit, MAX_LIMIT);
    int end = Math.min(ordered.size(), from + size);
    boolean withMetadata = isTrue(p.get("include_all_metadata"));
    ObjectNode response = ok();
    ArrayNode items = response.putArray("messages");
    for (StoredMessage m : ordered.subList(from, end)) {
      int replyCount = m.isReply() ? 0 : messages.replies(m.channel(), m.ts()).size();
      items.add(json(m, withMetadata, replyCount));
    }
    boolean more = end < ordered.size();
    response.put("has_more", more);
    String next = more ? cursor(ordered.get(end - 1).ts()) : "";
    response.putObject("response_metadata").put("next_cursor", next);
    return response;
  }

  /** Index of the first message after the cursor's ts in list order; 0 without a cursor. */
  private static int start(List<StoredMessage> ordered, String cursor, boolean newestFirst) {
    if (cursor.isEmpty()) {
      return 0;
    }
    String raw = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
    if (!raw.startsWith(CURSOR_PREFIX)) {
      throw new IllegalArgumentException("not a cursor of this double");
    }
    BigDecimal after;
    try {
      after = SlackDoubleMessages.tsValue(raw.substring(CURSOR_PREFIX.length()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cursor of this double", e);
    }
    for (int i = 0; i < ordered.size(); i++) {
      int order = SlackDoubleMessages.tsValue(ordered.get(i).ts()).compareTo(after);
      if (newestFirst ? order < 0 : order > 0) {
        return i;
      }
    }
    return ordered.size();
  }

  private static String cursor(String ts) {
    byte[] raw = (CURSOR_PREFIX + ts).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** Slack booleans: {@code "true"} or {@code "1"}. */
  static boolean isTrue(String value) {
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }
}
