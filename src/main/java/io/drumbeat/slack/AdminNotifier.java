package io.drumbeat.slack;

import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.delivery.OutboxRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admins listed in {@code drumbeat.yml} about problems only they can fix (a channel the
 * app cannot post to, a job that kept failing), by DM through the outbox, and logs it. The same
 * problem is told once a day; a failed delivery is told once. Never throws for Slack's sake: the
 * DMs are delivered later, from the database.
 */
public final class AdminNotifier {
  /** Delivery keys of admin notices start with this (their own failures are only logged). */
  public static final String KEY_PREFIX = "admin-notice:";

  private static final Logger LOG = LoggerFactory.getLogger(AdminNotifier.class);
  private final Jdbi jdbi;
  private final Outbox outbox;
  private final List<String> admins;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param outbox where the DMs go
   * @param admins Slack user ids of the admins
   * @param clock what "today" is (UTC) for telling a problem once a day
   */
  public AdminNotifier(Jdbi jdbi, Outbox outbox, List<String> admins, Clock clock) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.admins = List.copyOf(admins);
    this.clock = clock;
  }

  /**
   * Logs {@code problem} and DMs it to every admin (once a day for the same text), in a transaction
   * of its own.
   *
   * @param problem mrkdwn, already escaped, saying what failed and what to do
   */
  public void tell(String problem) {
    jdbi.useTransaction(h -> tell(h, problem));
  }

  /** Like {@link #tell(String)}, in {@code handle}'s transaction. */
  public void tell(Handle handle, String problem) {
    LOG.warn("Admin notice: {}", problem);
    String id = digest(problem + "|" + LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    send(handle, id, problem);
  }

  /**
   * Tells the admins that a delivery failed for good (once per delivery), in the transaction that
   * marks it failed. A failed admin notice is only logged.
   */
  public void deliveryFailed(Handle handle, OutboxRow row, String error) {
    if (row.deliveryKey().startsWith(KEY_PREFIX)) {
      LOG.error("Could not tell an admin ({}): {}", error, row.deliveryKey());
      return;
    }
    String problem = describe(row, error);
    LOG.warn("Admin notice: {}", problem);
    send(handle, "failed:" + digest(row.deliveryKey()), problem);
  }

  private void send(Handle handle, String id, String problem) {
    String text = ":warning: *Drumbeat needs an admin:* " + problem;
    for (String admin : admins) {
      outbox.enqueue(
          handle, Delivery.message(KEY_PREFIX + id + ":" + admin, admin, Content.text(text)));
    }
  }

  private static String describe(OutboxRow row, String error) {
    String what = "`" + Mrkdwn.escape(row.deliveryKey()) + "`";
    String channel = row.channel();
    if (channel != null && (channel.startsWith("C") || channel.startsWith("G"))) {
      return channelAdvice(what, channel, error);
    }
    if (channel != null && (channel.startsWith("U") || channel.startsWith("W"))) {
      return "I could not DM <@"
          + channel
          + "> ("
          + what
          + "): Slack said `"
          + Mrkdwn.escape(error)
          + "`. I will not try again.";
    }
    return "I could not deliver " + what + ": Slack said `" + Mrkdwn.escape(error) + "`.";
  }

  /** A sentence for a channel problem, e.g. the app not being in a private channel. */
  public static String channelAdvice(String what, String channel, String error) {
    String ref = "<#" + channel + ">";
    return switch (error) {
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
      default ->
          "I could not post "
              + what
              + " to "
              + ref
              + ": Slack said `"
              + Mrkdwn.escape(error)
              + "`.";
    };
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
