package io.drumbeat.slack;

/**
 * What to tell a person whose modal could not open. A {@code trigger_id} is valid for 3 seconds and
 * once: when it has expired ({@code expired_trigger_id}) the person is asked to try again, never
 * left with silence.
 */
public final class ModalTrouble {
  private ModalTrouble() {}

  /**
   * The ephemeral answer for a failed {@code views.open}.
   *
   * @param again how to try again, e.g. "run `/okr-update` again" (mrkdwn)
   */
  public static String explain(SlackCallException e, String again) {
    if ("expired_trigger_id".equals(e.error()) || "exchanged_trigger_id".equals(e.error())) {
      return ":hourglass: That took too long, so the form could not open. Please " + again + ".";
    }
    return ":warning: I could not open the form (Slack said `"
        + Mrkdwn.escape(e.error())
        + "`). Please "
        + again
        + ".";
  }
}
