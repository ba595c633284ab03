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

  /** The JSON object. */
  public ObjectNode toJson() {
    return values.deepCopy();
  }

  private ObjectNode block(String blockId) {
    return values.has(blockId) ? (ObjectNode) values.get(blockId) : values.putObject(blockId);
  }
}
