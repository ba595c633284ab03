package io.drumbeat.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A modal's {@code view.state.values} as Slack sends it on {@code view_submission}: block_id →
 * action_id → the element's state.
 */
public final class FormValues {
  private final ObjectNode values = new ObjectMapper().createObjectNode();

  /** Chooses the option with {@code value} in a static select. */
  public FormValues select(String blockId, String actionId, String value) {
    ObjectNode state = block(blockId).putObject(actionId).put("type", "static_select");
    state
        .putObject("selected_option")
        .put("value", value)
        .putObject("text")
        .put("type", "plain_text")
        .put("text", value);
    return this;
  }

  /** Types {@code text} into a plain-text input. */
  public FormValues text(String blockId, String actionId, String text) {
    block(blockId).putObject(actionId).put("type", "plain_text_input").put("value", text);
    return this;
  }

  /** Ticks the options with {@code values} in a checkbox group (none: an empty selection). */
  public FormValues checkboxes(String blockId, String actionId, String... values) {
    ObjectNode state = block(blockId).putObject(actionId).put("type", "checkboxes");
    var selected = state.putArray("selected_options");
    for (String value : values) {
      selected
          .addObject()
          .put("value", value)
          .putObject("text")
          .put("type", "plain_text")
          .put("text", value);
    }
    return this;
  }

  /** Picks {@code userId} in a users select. */
  public FormValues user(String blockId, String actionId, String userId) {
    block(blockId).putObject(actionId).put("type", "users_select").put("selected_user", userId);
    return this;
  }

  /** Picks {@code isoDate} (e.g. "2026-12-01") in a date picker. */
  public FormValues date(String blockId, String actionId, String isoDate) {
    block(blockId).putObject(actionId).put("type", "datepicker").put("selected_date", isoDate);
    return this;
  }

  /** The JSON object. */
  public ObjectNode toJson() {
    return values.deepCopy();
  }

  private ObjectNode block(String blockId) {
    return values.has(blockId) ? (ObjectNode) values.get(blockId) : values.putObject(blockId);
  }
}
