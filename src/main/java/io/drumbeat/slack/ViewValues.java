package io.drumbeat.slack;

import com.slack.api.model.view.ViewState;
import java.util.Map;

/** Reads a modal's submitted {@code view.state.values} (block_id → action_id → state). */
public final class ViewValues {
  private ViewValues() {}

  /**
   * The state of element {@code actionId} in block {@code blockId}; an empty value (all getters
   * null) when Slack sent none, e.g. for an optional field left blank.
   */
  public static ViewState.Value get(
      Map<String, Map<String, ViewState.Value>> values, String blockId, String actionId) {
    Map<String, ViewState.Value> block = values == null ? null : values.get(blockId);
    ViewState.Value v = block == null ? null : block.get(actionId);
    return v == null ? new ViewState.Value() : v;
  }
}
