package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cursor pagination as Slack's list methods do it: {@code limit} (default 100) and an opaque {@code
 * cursor}, answered with {@code response_metadata.next_cursor} ({@code ""} on the last page).
 * Cursors here are Base64 of {@code "offset:<n>"}.
 */
final class SlackDoublePages {

  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final String CURSOR_PREFIX = "offset:";

  private SlackDoublePages() {}

  /**
   * One page of {@code all} under {@code field}: {@code limit} items (default 100; 0 or less means
   * the default) from the offset encoded in {@code cursor}. A non-numeric limit answers {@code
   * invalid_limit}; a cursor this class did not mint answers {@code invalid_cursor}.
   */
  static <T> ObjectNode page(
      Map<String, String> p, List<T> all, String field, Function<T, JsonNode> toJson) {
    int limit;
    try {
      limit = Integer.parseInt(p.getOrDefault("limit", "0").trim());
    } catch (NumberFormatException e) {
      return SlackDoubleResponses.error("invalid_limit");
    }
    int offset;
    try {
      String cursor = p.getOrDefault("cursor", "");
      offset = cursor.isEmpty() ? 0 : decodeCursor(cursor);
    } catch (IllegalArgumentException e) {
      return SlackDoubleResponses.error("invalid_cursor");
    }
    int size = limit <= 0 ? DEFAULT_PAGE_SIZE : limit;
    int end = Math.min(all.size(), offset + size);
    ObjectNode response = SlackDoubleResponses.ok();
    ArrayNode items = response.putArray(field);
    all.subList(Math.min(offset, all.size()), end).forEach(item -> items.add(toJson.apply(item)));
    response.putObject("response_metadata").put("next_cursor", end < all.size() ? cursor(end) : "");
    return response;
  }

  private static String cursor(int offset) {
    return Base64.getEncoder()
        .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeCursor(String cursor) {
    String raw = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
    if (!raw.startsWith(CURSOR_PREFIX)) {
      throw new IllegalArgumentException("bad cursor");
    }
    int offset = Integer.parseInt(raw.substring(CURSOR_PREFIX.length()));
    if (offset < 0) {
      throw new IllegalArgumentException("bad cursor");
    }
    return offset;
  }
}
