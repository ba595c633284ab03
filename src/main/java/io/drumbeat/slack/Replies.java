package io.drumbeat.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies to the person who ran a slash command or pressed a button, through the request's {@code
 * response_url}, after the ack. A reply only reports on work that is already done, so a reply Slack
 * cannot take (the URL expired, the network failed) is logged as one WARN line and never thrown:
 * the caller's work stands.
 *
 * <p>Pass Bolt's context method: {@code ctx::respond} fits {@link TextResponder} for any context,
 * and {@link Responder} for a block action's {@code ActionContext}. Text is mrkdwn, escaped by the
 * caller ({@link Mrkdwn#escape}).
 */
public final class Replies {
  private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  /** Posts text to a {@code response_url}: Bolt's {@code respond(String)} of any context. */
  @FunctionalInterface
  public interface TextResponder {
    /**
     * @param mrkdwn the message text
     * @throws Exception when Slack cannot be reached (Bolt throws {@code IOException})
     */
    Object respond(String mrkdwn) throws Exception;
  }

  /** Posts a message to a block action's {@code response_url}: Bolt's {@code ActionContext}. */
  @FunctionalInterface
  public interface Responder {
    /**
     * @param message the message, with its {@code response_type} and {@code replace_original}
     * @throws Exception when Slack cannot be reached (Bolt throws {@code IOException})
     */
    Object respond(ActionResponse message) throws Exception;
  }

  /**
   * Replies with text alone, as Bolt's {@code respond(String)} sends it. To a slash command only
   * the person who ran it sees the reply (Slack's default {@code response_type} for commands is
   * {@code ephemeral}); to a button, Slack posts a new message ({@code replace_original} false).
   */
  public static void text(TextResponder to, String mrkdwn) {
    send(() -> to.respond(mrkdwn));
  }

  /**
   * Tells the person who pressed a button something only they see ({@code response_type}
   * ephemeral); the message with the button stays as it is ({@code replace_original} false).
   */
  public static void ephemeral(Responder to, String mrkdwn) {
    send(
        () ->
            to.respond(
                ActionResponse.builder()
                    .responseType("ephemeral")
                    .replaceOriginal(false)
                    .text(mrkdwn)
                    .build()));
  }

  /**
   * Replaces the message whose button was pressed (for example a DM) with {@code blocks}.
   *
   * @param text the notification and fallback text
   * @param blocks the new message, within Slack's 50 blocks
   */
  public static void replaceOriginal(Responder to, String text, List<LayoutBlock> blocks) {
    send(
        () ->
            to.respond(
                ActionResponse.builder().replaceOriginal(true).text(text).blocks(blocks).build()));
  }

  /**
   * Replaces the ephemeral message whose button was pressed with {@code blocks}; it stays visible
   * only to that person ({@code response_type} ephemeral).
   *
   * @param text the notification and fallback text
   * @param blocks the new message, within Slack's 50 blocks
   */
  public static void replaceEphemeral(Responder to, String text, List<LayoutBlock> blocks) {
    send(
        () ->
            to.respond(
                ActionResponse.builder()
                    .replaceOriginal(true)
                    .responseType("ephemeral")
                    .text(text)
                    .blocks(blocks)
                    .build()));
  }

  private static void send(Reply reply) {
    try {
      reply.send();
    } catch (Exception e) {
      LOG.warn("Could not reply through the response_url: {}", e.toString());
    }
  }

  @FunctionalInterface
  private interface Reply {
    void send() throws Exception;
  }
}
