package io.drumbeat.retro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Moves people make in a retro through the real endpoint, and what they then see. */
final class RetroScenes {
  /** The standard test configuration with {@code retro.channel} set to #retros (C0RETROS). */
  static final String RETROS_CONFIG = TestSlackApp.CONFIG + "retro:\n  channel: \"#retros\"\n";

  private RetroScenes() {}

  /** The latest retro of {@code channel}, open or closed. */
  static Retro retroIn(TestSlackApp t, String channel) {
    return t.database.jdbi().onDemand(RetroRepository.class).latestIn(channel).orElseThrow();
  }

  /** {@code user} clicks "Add item" on the announcement in {@code channel} and submits it. */
  static HttpResponse<String> addItem(
      TestSlackApp t, String user, String channel, String category, String text) {
    t.requests.clickButton(
        user, RetroAnnouncement.ADD_ITEM, "" + retroIn(t, channel).id(), channel);
    t.settle();
    return t.submit(user, item(category, text));
  }

  /** The item form filled in. */
  static FormValues item(String category, String text) {
    return new FormValues().select("category", "category", category).text("text", "text", text);
  }

  /** The action form filled in. */
  static FormValues action(String text, String owner) {
    return new FormValues().text("text", "text", text).user("owner", "owner", owner);
  }

  /** The text of an ack's ephemeral answer (its JSON decoded), or "" when it has none. */
  static String ackText(HttpResponse<String> ack) {
    try {
      return new ObjectMapper().readTree(ack.body()).path("text").asText();
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  /** The text of the latest ephemeral reply through a {@code response_url}, or "". */
  static String lastReply(TestSlackApp t) {
    List<SlackCall> replies = t.slack.calls(SlackDouble.RESPONSE_URL);
    return replies.isEmpty() ? "" : replies.get(replies.size() - 1).param("text");
  }

  /**
   * A checkbox option of the voting modal.
   *
   * @param text its text, "#n first words…"
   * @param value its value
   */
  record Option(String text, String value) {
    /** The item text without the "#n " in front. */
    String itemText() {
      return text.substring(text.indexOf(' ') + 1);
    }
  }

  /** The options of every checkbox group of the voting modal {@code view}, in order. */
  static List<Option> options(JsonNode view) {
    List<Option> options = new ArrayList<>();
    for (JsonNode block : view.path("blocks")) {
      if (!VoteModal.PICK.equals(block.path("element").path("action_id").asText())) {
        continue;
      }
      for (JsonNode o : block.path("element").path("options")) {
        options.add(new Option(o.path("text").path("text").asText(), o.path("value").asText()));
      }
    }
    return options;
  }

  /** The form of {@code view} with the options of {@code values} ticked, each in its group. */
  static FormValues ticking(JsonNode view, List<String> values) {
    FormValues form = new FormValues();
    for (JsonNode block : view.path("blocks")) {
      if (!VoteModal.PICK.equals(block.path("element").path("action_id").asText())) {
        continue;
      }
      List<String> ticked = new ArrayList<>();
      block
          .path("element")
          .path("options")
          .forEach(
              o -> {
                if (values.contains(o.path("value").asText())) {
                  ticked.add(o.path("value").asText());
                }
              });
      if (!ticked.isEmpty()) {
        form.checkboxes(
            block.path("block_id").asText(), VoteModal.PICK, ticked.toArray(String[]::new));
      }
    }
    return form;
  }
}
