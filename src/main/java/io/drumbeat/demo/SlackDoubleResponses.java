package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDoubleWorkspace.Target;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the JSON body a {@link SlackDouble} answers for one Web API method, shaped like Slack's
 * real responses so the Slack SDK parses them. Stateless apart from the shared workspace and
 * message store.
 */
final class SlackDoubleResponses {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final SlackDoubleWorkspace workspace;
  private final SlackDoubleUsers users;
  private final SlackDoubleConversations conversations;
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
    this.users = new SlackDoubleUsers(workspace, clock);
    this.conversations = new SlackDoubleConversations(workspace);
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
      case "auth.test" -> users.authTest();
      case "users.info" -> users.info(p);
      case "users.list" -> users.list(p);
      case "conversations.open" -> conversations.open(p);
      case "conversations.list" -> conversations.list(p);
      case "conversations.info" -> conversations.info(p);
      case "conversations.members" -> conversations.members(p);
      case "conversations.join" -> conversations.join(p);
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
