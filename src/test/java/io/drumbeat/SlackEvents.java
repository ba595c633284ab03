package io.drumbeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;

/** The inner {@code event} objects of Events API deliveries, shaped as Slack sends them. */
public final class SlackEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackEvents() {}

  /** {@code user_change}: {@code userId}'s profile now has this name and zone. */
  public static ObjectNode userChange(String userId, String realName, String tz) {
    ObjectNode event = JSON.createObjectNode().put("type", "user_change");
    ObjectNode user = event.putObject("user");
    user.put("id", userId).put("team_id", "T0DEMO").put("name", userId.toLowerCase());
    user.put("deleted", false).put("real_name", realName).put("tz", tz);
    user.put("tz_offset", ZoneId.of(tz).getRules().getOffset(Instant.now()).getTotalSeconds());
    user.put("is_bot", false).put("is_app_user", false);
    user.putObject("profile").put("real_name", realName).put("display_name", realName);
    return event.put("event_ts", "1700000000.000100");
  }

  /** {@code member_joined_channel}: {@code userId} joined public channel {@code channelId}. */
  public static ObjectNode memberJoined(String userId, String channelId) {
    return JSON.createObjectNode()
        .put("type", "member_joined_channel")
        .put("user", userId)
        .put("channel", channelId)
        .put("channel_type", "C")
        .put("team", "T0DEMO")
        .put("event_ts", "1700000000.000200");
  }

  /** {@code member_left_channel}: {@code userId} left public channel {@code channelId}. */
  public static ObjectNode memberLeft(String userId, String channelId) {
    return JSON.createObjectNode()
        .put("type", "member_left_channel")
        .put("user", userId)
        .put("channel", channelId)
        .put("channel_type", "C")
        .put("team", "T0DEMO")
        .put("event_ts", "1700000000.000300");
  }

  /** {@code app_uninstalled}. */
  public static ObjectNode appUninstalled() {
    return JSON.createObjectNode()
        .put("type", "app_uninstalled")
        .put("event_ts", "1700000000.000400");
  }

  /** {@code tokens_revoked}, of the given bot and user ({@code oauth}) ids. */
  public static ObjectNode tokensRevoked(String bot, String oauth) {
    ObjectNode event = JSON.createObjectNode().put("type", "tokens_revoked");
    ObjectNode tokens = event.putObject("tokens");
    if (bot != null) {
      tokens.putArray("bot").add(bot);
    }
    if (oauth != null) {
      tokens.putArray("oauth").add(oauth);
    }
    return event.put("event_ts", "1700000000.000500");
  }

  /** {@code app_home_opened}: {@code userId} opened the app's {@code tab} ("home", "messages"). */
  public static ObjectNode appHomeOpened(String userId, String tab) {
    return JSON.createObjectNode()
        .put("type", "app_home_opened")
        .put("user", userId)
        .put("channel", "D" + userId.substring(1))
        .put("tab", tab)
        .put("event_ts", "1700000000.000600");
  }
}
