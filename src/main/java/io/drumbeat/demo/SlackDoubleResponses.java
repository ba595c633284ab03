package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDoubleWorkspace.Channel;
import io.drumbeat.demo.SlackDoubleWorkspace.Target;
import io.drumbeat.demo.SlackDoubleWorkspace.User;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the JSON body a {@link SlackDouble} answers for one Web API method, shaped like Slack's
 * real responses so the Slack SDK parses them. Stateless apart from the shared workspace and
 * message store.
 */
final class SlackDoubleResponses {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter TZ_LABEL = DateTimeFormatter.ofPattern("zzzz", Locale.US);

  private final SlackDoubleWorkspace workspace;
  private final Clock clock;
  private final SlackDoubleChat chat;
  private final SlackDoubleHistory history;
  private final SlackDoubleFiles files;
  private final SlackDoubleTriggers triggers = new SlackDoubleTriggers(Clock.systemUTC());
  private final Supplier<String> socketUrls;

  /**
   * @param socketUrls a fresh Socket Mode WebSocket URL for each {@code apps.connections.open}
   */
  SlackDoubleResponses(
      SlackDoubleWorkspace workspace,
      SlackDoubleMessages messages,
      SlackDoubleFiles files,
      Clock clock,
      Supplier<String> socketUrls) {
    this.workspace = workspace;
    this.socketUrls = socketUrls;
    this.clock = clock;
    this.chat = new SlackDoubleChat(workspace, messages);
    this.history = new SlackDoubleHistory(workspace, messages);
    this.files = files;
  }

  /**
   * Answers {@code method} called with {@code p}; unknown methods answer {@code {"ok":true}}. A
   * {@code views.open} whose {@code trigger_id} has expired or was used answers Slack's error
   * ({@link SlackDoubleTriggers}).
   */
  ObjectNode answer(String method, Map<String, String> p) {
    return switch (method) {
      case "auth.test" -> authTest();
      case "users.info" -> usersInfo(p);
      case "users.list" -> SlackDoublePages.page(p, workspace.users(), "members", this::userJson);
      case "conversations.open" -> conversationsOpen(p);
      case "conversations.list" ->
          SlackDoublePages.page(p, visibleChannels(p), "channels", this::channelJson);
      case "conversations.info" -> conversationsInfo(p);
      case "conversations.members" -> conversationsMembers(p);
      case "conversations.join" -> conversationsJoin(p);
      case "conversations.history" -> history.history(p);
      case "conversations.replies" -> history.replies(p);
      case "chat.postMessage" -> chat.post(p);
      case "chat.update" -> chat.update(p);
      case "chat.delete" -> chat.delete(p);
      case "chat.postEphemeral" -> postEphemeral(p);
      case "views.open" ->
          triggers
              .use(p.get("trigger_id"))
              .map(SlackDoubleResponses::error)
              .orElseGet(() -> view(method, p));
      case "views.update", "views.push", "views.publish" -> view(method, p);
      case "files.getUploadURLExternal" -> files.uploadUrl(p);
      case "files.completeUploadExternal" -> files.complete(p);
      case "apps.connections.open" ->
          p.getOrDefault("token", "").startsWith("xapp-")
              ? ok().put("url", socketUrls.get())
              : error("not_allowed_token_type");
      default -> ok();
    };
  }

  /** Returns {@code {"ok":false,"error":<error>}}. */
  static ObjectNode error(String error) {
    return MAPPER.createObjectNode().put("ok", false).put("error", error);
  }

  /** Returns {@code {"ok":true}}. */
  static ObjectNode ok() {
    return MAPPER.createObjectNode().put("ok", true);
  }

  private ObjectNode authTest() {
    return ok().put("url", "https://drumbeat-demo.slack.com/")
        .put("team", "Drumbeat Demo")
        .put("user", "drumbeat")
        .put("team_id", SlackDoubleWorkspace.TEAM_ID)
        .put("user_id", SlackDoubleWorkspace.BOT_USER_ID)
        .put("bot_id", SlackDoubleWorkspace.BOT_ID)
        .put("is_enterprise_install", false);
  }

  private ObjectNode usersInfo(Map<String, String> p) {
    return workspace
        .user(p.get("user"))
        .map(u -> ok().<ObjectNode>set("user", userJson(u)))
        .orElseGet(() -> error("user_not_found"));
  }

  private JsonNode userJson(User u) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneId.of(u.tz())));
    String handle = u.realName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
    ObjectNode user =
        MAPPER
            .createObjectNode()
            .put("id", u.id())
            .put("team_id", SlackDoubleWorkspace.TEAM_ID)
            .put("name", handle.replaceAll("^\\.+|\\.+$", ""))
            .put("deleted", false)
            .put("real_name", u.realName())
            .put("tz", u.tz())
            .put("tz_label", TZ_LABEL.format(now))
            .put("tz_offset", now.getOffset().getTotalSeconds())
            .put("is_bot", u.isBot())
            .put("is_app_user", false);
    user.putObject("profile")
        .put("real_name", u.realName())
        .put("real_name_normalized", u.realName())
        .put("display_name", u.realName())
        .put("team", SlackDoubleWorkspace.TEAM_ID)
        .put("image_48", "https://example.invalid/a.png")
        .put("image_72", "https://avatars.example.invalid/" + u.id() + "-72.png");
    return user;
  }

  private ObjectNode conversationsOpen(Map<String, String> p) {
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
  private ObjectNode conversationsInfo(Map<String, String> p) {
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

  private ObjectNode conversationsJoin(Map<String, String> p) {
    Target joined = workspace.join(p.get("channel"));
    if (joined.error() != null) {
      return error(joined.error());
    }
    ObjectNode response = ok();
    response.set("channel", channelJson(workspace.channel(joined.channelId()).orElseThrow()));
    return response;
  }

  private ObjectNode conversationsMembers(Map<String, String> p) {
    String channel = p.get("channel");
    if (workspace.channel(channel).isEmpty()) {
      return error("channel_not_found");
    }
    return SlackDoublePages.page(p, workspace.members(channel), "members", MAPPER::valueToTree);
  }

  private ObjectNode postEphemeral(Map<String, String> p) {
    Target target = workspace.resolve(p.get("channel"));
    return target.error() != null
        ? error(target.error())
        : ok().put("message_ts", workspace.nextTs());
  }

  private ObjectNode view(String method, Map<String, String> p) {
    JsonNode given = MAPPER.createObjectNode();
    if (p.containsKey("view")) {
      try {
        given = MAPPER.readTree(p.get("view"));
      } catch (IOException e) {
        return error("invalid_arguments");
      }
    }
    long n = workspace.nextViewNumber();
    String id =
        method.equals("views.update") && p.containsKey("view_id") ? p.get("view_id") : "V" + n;
    ObjectNode view =
        MAPPER.createObjectNode().put("id", id).put("team_id", SlackDoubleWorkspace.TEAM_ID);
    for (String field : List.of("type", "callback_id", "private_metadata", "external_id")) {
      if (given.path(field).isTextual()) {
        view.put(field, given.get(field).asText());
      }
    }
    view.put("hash", "h" + n);
    if (!method.equals("views.publish") && given.isObject()) {
      ObjectNode held = ((ObjectNode) given).deepCopy();
      held.put("id", id).put("hash", "h" + n);
      workspace.holdView(held);
    }
    ObjectNode response = ok();
    response.set("view", view);
    return response;
  }
}
