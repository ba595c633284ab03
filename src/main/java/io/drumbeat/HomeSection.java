package io.drumbeat;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One feature's part of a person's App Home tab (package {@code io.drumbeat.home} puts them
 * together). A section is drawn from the database when the Home is delivered, never in an ack; it
 * must fit the number of blocks it is given whatever the data (it shows the first ones and says how
 * many more there are), escape all user text ({@link io.drumbeat.slack.Mrkdwn}) and keep each text
 * within 3000 characters (Slack's Block Kit limits).
 */
public interface HomeSection {
  /**
   * The blocks {@code userId} sees.
   *
   * @param handle a read transaction
   * @param userId the Home's owner, a Slack user id
   * @param maxBlocks at most this many blocks (at least 3)
   * @return the blocks, possibly empty
   */
  List<LayoutBlock> blocks(Handle handle, String userId, int maxBlocks);

  /**
   * What an admin sees about this feature in the Home's admin part (coverage and the like).
   *
   * @param maxBlocks at most this many blocks (at least 1)
   * @return the blocks, empty by default
   */
  default List<LayoutBlock> adminBlocks(Handle handle, int maxBlocks) {
    return List.of();
  }

  /** Registers the listeners of the buttons and forms only this section's Home part has. */
  default void register(App app) {}
}
