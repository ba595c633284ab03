package io.drumbeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDouble;
import java.util.Locale;
import java.util.UUID;

/**
 * Interactivity payloads shaped as Slack sends them, for {@link
 * io.drumbeat.demo.SignedRequests#interaction}: a click in a person's App Home tab and a message
 * shortcut ({@code message_action}).
 */
public final class SlackInteractions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackInteractions() {}

  /**
   * A click on a button ({@code action_id}, {@code value}) in {@code userId}'s Home tab: the
   * container is the Home view, and there is no channel and no {@code response_url}.
   */
  public static ObjectNode homeClick(String userId, String actionId, String value) {
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
    payload.putObject("user").put("id", userId).put("name", userId.toLowerCase(Locale.ROOT));
    payload.putObject("container").put("type", "view").put("view_id", "VHOME" + userId);
    ObjectNode view = payload.putObject("view");
    view.put("id", "VHOME" + userId).put("type", "home").put("hash", "hhome");
    view.put("callback_id", "drumbeat_home").put("private_metadata", "");
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("type", "button").put("action_id", actionId).put("block_id", "b");
    if (value != null) {
      action.put("value", value);
    }
    return payload.put("action_ts", "1700000000.000700");
  }

  /**
   * The message shortcut {@code callbackId} used by {@code userId} on a message by {@code author}
   * in {@code channelId} whose {@code text} field is {@code text} (as Slack stores it: {@code &},
   * {@code <} and {@code >} escaped, mentions as {@code <@U…>}).
   */
  public static ObjectNode messageShortcut(
      SlackDouble slack,
      String userId,
      String callbackId,
      String channelId,
      String author,
      String text) {
    ObjectNode payload = JSON.createObjectNode().put("type", "message_action");
    payload.put("callback_id", callbackId).put("message_ts", "1700000000.000800");
    payload.putObject("user").put("id", userId).put("name", userId.toLowerCase(Locale.ROOT));
    payload.putObject("channel").put("id", channelId).put("name", "channel");
    payload
        .putObject("message")
        .put("type", "message")
        .put("user", author)
        .put("ts", "1700000000.000800")
        .put("text", text);
    return payload.put("response_url", slack.responseUrl("shortcut-" + UUID.randomUUID()));
  }
}
