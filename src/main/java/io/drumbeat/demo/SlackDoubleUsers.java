package io.drumbeat.demo;

import static io.drumbeat.demo.SlackDoubleResponses.MAPPER;
import static io.drumbeat.demo.SlackDoubleResponses.error;
import static io.drumbeat.demo.SlackDoubleResponses.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.demo.SlackDoubleWorkspace.User;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link SlackDouble}'s answers to {@code auth.test}, {@code users.info} and {@code
 * users.list}, shaped like Slack's (the zone's label and offset at the double's clock).
 */
final class SlackDoubleUsers {
  private static final DateTimeFormatter TZ_LABEL = DateTimeFormatter.ofPattern("zzzz", Locale.US);
  private final SlackDoubleWorkspace workspace;
  private final Clock clock;

  SlackDoubleUsers(SlackDoubleWorkspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  /** {@code users.list}, paged by {@code cursor} and {@code limit}. */
  ObjectNode list(Map<String, String> p) {
    return SlackDoublePages.page(p, workspace.users(), "members", this::userJson);
  }

  ObjectNode authTest() {
    return ok().put("url", "https://drumbeat-demo.slack.com/")
        .put("team", "Drumbeat Demo")
        .put("user", "drumbeat")
        .put("team_id", SlackDoubleWorkspace.TEAM_ID)
        .put("user_id", SlackDoubleWorkspace.BOT_USER_ID)
        .put("bot_id", SlackDoubleWorkspace.BOT_ID)
        .put("is_enterprise_install", false);
  }

  ObjectNode info(Map<String, String> p) {
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
}
