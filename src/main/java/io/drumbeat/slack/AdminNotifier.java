package io.drumbeat.slack;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admins listed in {@code drumbeat.yml} about problems only they can fix (a channel the
 * app cannot post to, a job that kept failing), by DM, and logs it. Never throws: it is itself the
 * last resort of a boundary.
 */
public final class AdminNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(AdminNotifier.class);
  private final SlackGateway slack;
  private final UserDirectory users;
  private final List<String> admins;

  /**
   * @param slack Web API
   * @param users DM channels
   * @param admins Slack user ids of the admins
   */
  public AdminNotifier(SlackGateway slack, UserDirectory users, List<String> admins) {
    this.slack = slack;
    this.users = users;
    this.admins = List.copyOf(admins);
  }

  /**
   * Logs {@code problem} and DMs it to every admin.
   *
   * @param problem mrkdwn, already escaped, saying what failed and what to do
   */
  public void tell(String problem) {
    LOG.warn("Admin notice: {}", problem);
    String text = ":warning: *Drumbeat needs an admin:* " + problem;
    for (String admin : admins) {
      try {
        slack.post(users.dmChannel(admin), text, null, null);
      } catch (RuntimeException e) {
        LOG.error("Could not tell admin {}: {}", admin, e.getMessage());
      }
    }
  }

  /** A sentence for a channel problem, e.g. the app not being in a private channel. */
  public static String channelAdvice(String what, String channel, SlackCallException e) {
    String ref = "<#" + channel + ">";
    return switch (e.error()) {
      case "not_in_channel" ->
          "I could not post "
              + what
              + " to "
              + ref
              + " because I am not in it. Invite me with `/invite @Drumbeat` in that channel.";
      case "channel_not_found" ->
          "I could not post "
              + what
              + " to channel `"
              + channel
              + "`: it does not exist or I cannot see it. Check `drumbeat.yml`.";
      case "is_archived" -> "I could not post " + what + " to " + ref + ": it is archived.";
      default -> "I could not post " + what + " to " + ref + ": Slack said `" + e.error() + "`.";
    };
  }
}
