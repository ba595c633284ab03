package io.drumbeat.admin;

/**
 * A {@code /drumbeat WORD …} command with arguments that answers in its ack (e.g. {@code /drumbeat
 * agenda add TEXT}); who may run it is the handler's to decide. It must not call Slack: only a
 * database write fits in the 3 s ack.
 *
 * @param word the first word after {@code /drumbeat}, lower case, e.g. "agenda"
 * @param usage one mrkdwn line for {@code /drumbeat help}
 * @param handler runs it
 */
public record SubCommand(String word, String usage, Handler handler) {
  /** Runs a sub-command. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param userId who typed it (from Slack's signed request)
     * @param args what followed the word, as Slack sent it ({@code should_escape}), trimmed
     * @param responseUrl the command's {@code response_url}
     * @return the ephemeral answer (mrkdwn, user text escaped)
     */
    String run(String userId, String args, String responseUrl);
  }
}
