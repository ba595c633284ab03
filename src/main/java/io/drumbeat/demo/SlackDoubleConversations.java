package io.drumbeat.demo;

import static io.drumbeat.demo.SlackDoubleResponses.MAPPER;
import static io.drumbeat.demo.SlackDoubleResponses.error;
import static io.drumbeat.demo.SlackDoubleResponses.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDoubleWorkspace.Channel;
import io.drumbeat.demo.SlackDoubleWorkspace.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link SlackDouble}'s answers to {@code conversations.open}, {@code .list}, {@code .info},
 * {@code .join} and {@code .members}: what the bot may see of the workspace's channels, as Slack
 * answers it (private channels the bot is not in are not found).
 */
final class SlackDoubleConversations {
  private final SlackDoubleWorkspace workspace;

  SlackDoubleConversations(SlackDoubleWorkspace workspace) {
    this.workspace = workspace;
  }

  /** {@code conversations.list} of the {@code types} asked for, paged. */
  ObjectNode list(Map<String, String> p) {
    return SlackDoublePages.page(p, visibleChannels(p), "channels", this::channelJson);
  }

  ObjectNode open(Map<String, String> p) {
    String users = p.get("users");
    if (users == null || users.isBlank()) {
      return error("users_list_not_supplied");
    }
    String first = users.split(",")[0].trim();
    if (workspace.user(first).isEmpty()) {
      return error("user_not_found");
    }
    ObjectNode response = ok();
    response.putObject("channel").put("id", SlackDoubleWorkspace.dmId(first));
    return response;
  }

  private List<Channel> visibleChannels(Map<String, String> p) {
    Set<String> types =
        Arrays.stream(p.getOrDefault("types", "public_channel").split(","))
            .map(String::trim)
            .collect(Collectors.toSet());
    return workspace.channels().stream()
        .filter(
            c ->
                c.isPrivate()
                    ? types.contains("private_channel") && c.botIsMember()
                    : types.contains("public_channel"))
        .toList();
  }

  private JsonNode channelJson(Channel c) {
    return MAPPER
        .createObjectNode()
        .put("id", c.id())
        .put("name", c.name())
        .put("name_normalized", c.name())
        .put("is_channel", !c.isPrivate())
        .put("is_group", false)
        .put("is_im", false)
        .put("is_mpim", false)
        .put("is_private", c.isPrivate())
        .put("is_archived", false)
        .put("is_member", c.botIsMember())
        .put("context_team_id", SlackDoubleWorkspace.TEAM_ID);
  }

  /** A channel, or a known user's DM; private channels the bot is not in answer not found. */
  ObjectNode info(Map<String, String> p) {
    String id = p.get("channel");
    Optional<Channel> channel = workspace.channel(id);
    ObjectNode response = ok();
    if (channel.isPresent() && (!channel.get().isPrivate() || channel.get().botIsMember())) {
      response.set("channel", channelJson(channel.get()));
    } else if (id != null && id.startsWith("D") && workspace.userForDm(id).isPresent()) {
      String user = workspace.userForDm(id).get().id();
      response.putObject("channel").put("id", id).put("is_im", true).put("user", user);
    } else {
      return error("channel_not_found");
    }
    return response;
  }

  ObjectNode join(Map<String, String> p) {
    Target joined = workspace.join(p.get("channel"));
    if (joined.error() != null) {
      return error(joined.error());
    }
    ObjectNode response = ok();
    response.set("channel", channelJson(workspace.channel(joined.channelId()).orElseThrow()));
    return response;
  }

  ObjectNode members(Map<String, String> p) {
    String channel = p.get("channel");
    if (workspace.channel(channel).isEmpty()) {
      return error("channel_not_found");
    }
    return SlackDoublePages.page(p, workspace.members(channel), "members", MAPPER::valueToTree);
  }
}
