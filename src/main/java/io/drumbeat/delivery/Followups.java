package io.drumbeat.delivery;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Ephemeral follow-ups to an interaction, sent after its ack through its {@code response_url}
 * (valid for 30 minutes) by the outbox, so no Slack call runs inside the ack and none is lost to a
 * restart.
 */
public final class Followups {
  private final Jdbi jdbi;
  private final Outbox outbox;

  /**
   * @param jdbi database
   * @param outbox where the replies are recorded
   */
  public Followups(Jdbi jdbi, Outbox outbox) {
    this.jdbi = jdbi;
    this.outbox = outbox;
  }

  /** Tells the person who clicked or typed {@code mrkdwn} (escaped), visible only to them. */
  public void tell(String responseUrl, String mrkdwn) {
    record(responseUrl, Content.text(mrkdwn));
  }

  /**
   * Tells the person who clicked {@code mrkdwn} (escaped): ephemerally through {@code responseUrl},
   * or by DM to {@code userId} when the click has none (a button in the App Home).
   */
  public void answer(String responseUrl, String userId, String mrkdwn) {
    if (responseUrl == null || responseUrl.isBlank()) {
      dm(userId, mrkdwn);
    } else {
      tell(responseUrl, mrkdwn);
    }
  }

  /**
   * Tells {@code userId} {@code mrkdwn} (escaped) by DM, for an interaction that has no {@code
   * response_url} (a button in the App Home).
   */
  public void dm(String userId, String mrkdwn) {
    jdbi.useTransaction(
        h ->
            outbox.enqueue(
                h, Delivery.message("dm:" + UUID.randomUUID(), userId, Content.text(mrkdwn))));
  }

  /** Replaces the message the interaction came from with {@code text} and {@code blocks}. */
  public void replace(String responseUrl, String text, List<LayoutBlock> blocks) {
    record(responseUrl, Content.of(text, blocks).replacingOriginal());
  }

  private void record(String responseUrl, Content content) {
    if (responseUrl == null || responseUrl.isBlank()) {
      return;
    }
    jdbi.useTransaction(
        h -> outbox.enqueue(h, Delivery.reply("reply:" + UUID.randomUUID(), responseUrl, content)));
  }
}
