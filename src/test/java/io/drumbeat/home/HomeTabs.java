package io.drumbeat.home;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.SlackEvents;
import io.drumbeat.TestSlackApp;
import java.util.List;
import java.util.UUID;

/** Opening Home tabs in tests and reading what the Slack double was asked to publish. */
public final class HomeTabs {
  private HomeTabs() {}

  /** {@code userId} opens the Home tab (a fresh {@code event_id}); the outbox then publishes. */
  public static void open(TestSlackApp t, String userId) {
    t.requests.event(SlackEvents.appHomeOpened(userId, "home"), "Ev" + UUID.randomUUID(), 0);
    t.settle();
  }

  /** Every Home view published for {@code userId}, oldest first. */
  public static List<JsonNode> published(TestSlackApp t, String userId) {
    return t.slack.calls("views.publish").stream()
        .filter(c -> userId.equals(c.param("user_id")))
        .map(c -> c.json("view"))
        .toList();
  }

  /** The latest Home view published for {@code userId}. */
  public static JsonNode latest(TestSlackApp t, String userId) {
    List<JsonNode> views = published(t, userId);
    if (views.isEmpty()) {
      throw new AssertionError("no Home published for " + userId);
    }
    return views.get(views.size() - 1);
  }

  /** The {@code value} of the first button with {@code actionId} in {@code view}, else null. */
  public static String buttonValue(JsonNode view, String actionId) {
    return view.findParents("action_id").stream()
        .filter(b -> actionId.equals(b.path("action_id").asText()))
        .map(b -> b.path("value").asText())
        .findFirst()
        .orElse(null);
  }
}
