package io.drumbeat.slack;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long list of blocks into messages Slack accepts: at most 50 blocks per message (Block
 * Kit reference, "up to 50 blocks in each message") and a bounded JSON size, because Slack answers
 * {@code msg_blocks_too_long} at roughly 13k characters even below the block count
 * (slackapi/bolt-js#2509). Each block's own texts must already be within 3000 characters.
 */
public final class MessagePacker {
  /** Blocks per message (Slack limit). */
  public static final int MAX_BLOCKS = 50;

  /** JSON characters of blocks per message (safety margin under Slack's observed limit). */
  public static final int MAX_JSON_CHARS = 11_000;

  private static final Gson GSON = GsonFactory.createSnakeCase();

  private MessagePacker() {}

  /**
   * Packs {@code blocks} in order into messages.
   *
   * @return one list per message, none empty; an empty input gives no messages
   */
  public static List<List<LayoutBlock>> pack(List<LayoutBlock> blocks) {
    List<List<LayoutBlock>> messages = new ArrayList<>();
    List<LayoutBlock> current = new ArrayList<>();
    int size = 0;
    for (LayoutBlock block : blocks) {
      int blockSize = jsonSize(block);
      if (!current.isEmpty()
          && (current.size() == MAX_BLOCKS || size + blockSize > MAX_JSON_CHARS)) {
        messages.add(List.copyOf(current));
        current.clear();
        size = 0;
      }
      current.add(block);
      size += blockSize;
    }
    if (!current.isEmpty()) {
      messages.add(List.copyOf(current));
    }
    return messages;
  }

  /** Length of the block as Slack receives it, in characters of JSON. */
  public static int jsonSize(LayoutBlock block) {
    return GSON.toJson(block).length();
  }
}
