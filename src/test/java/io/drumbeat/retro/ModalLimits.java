package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a modal against Slack's Block Kit limits, and reads it, in tests. */
final class ModalLimits {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModalLimits() {}

  /** The view as Slack would receive it. */
  static JsonNode json(View view) {
    try {
      return JSON.readTree(GsonFactory.createSnakeCase().toJson(view));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Asserts every limit the voting modal could reach. */
  static void assertWithinLimits(JsonNode view) {
    JsonNode blocks = view.path("blocks");
    assertThat(blocks.size()).as("blocks").isBetween(1, 100);
    assertThat(view.path("title").path("text").asText().length()).isLessThanOrEqualTo(24);
    assertThat(view.path("private_metadata").asText().length()).isLessThanOrEqualTo(3000);
    Set<String> blockIds = new HashSet<>();
    for (JsonNode block : blocks) {
      if (block.has("block_id")) {
        assertThat(blockIds.add(block.path("block_id").asText())).as("unique block_id").isTrue();
      }
      switch (block.path("type").asText()) {
        case "section" ->
            assertThat(block.path("text").path("text").asText().length()).isBetween(1, 3000);
        case "header" ->
            assertThat(block.path("text").path("text").asText().length()).isBetween(1, 150);
        case "input" -> {
          JsonNode options = block.path("element").path("options");
          assertThat(options.size()).as("options").isBetween(1, 10);
          for (JsonNode option : options) {
            assertThat(option.path("text").path("type").asText()).isEqualTo("plain_text");
            assertThat(option.path("text").path("text").asText().length()).isBetween(1, 75);
            assertThat(option.path("value").asText().length()).isBetween(1, 150);
          }
        }
        default -> {}
      }
    }
  }

  /** The option values (item references) of every checkbox group, in order. */
  static List<String> optionValues(JsonNode view) {
    List<String> values = new ArrayList<>();
    for (JsonNode block : view.path("blocks")) {
      block.path("element").path("options").forEach(o -> values.add(o.path("value").asText()));
    }
    return values;
  }

  /** The pre-ticked option values (item references) of every checkbox group. */
  static List<String> ticked(JsonNode view) {
    List<String> values = new ArrayList<>();
    for (JsonNode block : view.path("blocks")) {
      block
          .path("element")
          .path("initial_options")
          .forEach(o -> values.add(o.path("value").asText()));
    }
    return values;
  }

  /** Every mrkdwn text of the view, joined. */
  static String mrkdwn(JsonNode node) {
    StringBuilder all = new StringBuilder();
    if (node.isObject() && "mrkdwn".equals(node.path("type").asText())) {
      all.append(node.path("text").asText()).append('\n');
    }
    node.forEach(child -> all.append(mrkdwn(child)));
    return all.toString();
  }

  /** The block_ids of the checkbox groups, in order. */
  static List<String> checkboxBlockIds(JsonNode view) {
    List<String> ids = new ArrayList<>();
    for (JsonNode block : view.path("blocks")) {
      if ("checkboxes".equals(block.path("element").path("type").asText())) {
        ids.add(block.path("block_id").asText());
      }
    }
    return ids;
  }
}
