package io.drumbeat.slack;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Web API methods Drumbeat calls and the bot scopes each needs (Slack's method reference; see
 * {@code slack-platform.md} §7). {@code manifest.yml} must declare exactly {@link #required()}; a
 * test checks both that and that Drumbeat calls no method missing here.
 */
public final class SlackScopes {
  /** Method → bot scopes it needs (empty: none). */
  public static final Map<String, Set<String>> BY_METHOD =
      Map.ofEntries(
          Map.entry("auth.test", Set.of()),
          Map.entry(
              "chat.postMessage",
              Set.of("chat:write", "chat:write.public", "chat:write.customize")),
          Map.entry("chat.update", Set.of("chat:write")),
          Map.entry("conversations.members", Set.of("channels:read", "groups:read")),
          Map.entry("conversations.info", Set.of("channels:read", "groups:read")),
          Map.entry("conversations.list", Set.of("channels:read", "groups:read")),
          Map.entry(
              "conversations.history", Set.of("channels:history", "groups:history", "im:history")),
          Map.entry(
              "conversations.replies", Set.of("channels:history", "groups:history", "im:history")),
          Map.entry("conversations.join", Set.of("channels:join")),
          Map.entry("conversations.open", Set.of("im:write")),
          Map.entry("files.getUploadURLExternal", Set.of("files:write")),
          Map.entry("files.completeUploadExternal", Set.of("files:write")),
          Map.entry("users.list", Set.of("users:read")),
          Map.entry("views.open", Set.of()),
          Map.entry("views.publish", Set.of()),
          Map.entry("views.update", Set.of()));

  /** Scope for slash commands. */
  public static final String COMMANDS = "commands";

  private SlackScopes() {}

  /** Every bot scope the app needs, sorted. */
  public static Set<String> required() {
    Set<String> all = new TreeSet<>();
    all.add(COMMANDS);
    BY_METHOD.values().forEach(all::addAll);
    return all;
  }
}
