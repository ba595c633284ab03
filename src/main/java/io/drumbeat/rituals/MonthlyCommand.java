package io.drumbeat.rituals;

import io.drumbeat.admin.SubCommand;
import io.drumbeat.slack.SlashText;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code /drumbeat monthly now [YYYY-MM]} (admins): posts the month in review now, about the month
 * given or else the month just ended, even when the scheduled one was posted. Answered in the ack;
 * the post goes out through the outbox.
 */
final class MonthlyCommand {
  /** The usage line. */
  static final String USAGE =
      "`/drumbeat monthly now [YYYY-MM]` (admins) post the month in review now (default: last"
          + " month)";

  private final Optional<MonthlyUpdate> monthly;
  private final Predicate<String> isAdmin;
  private final Clock clock;

  /**
   * @param monthly posts the update; empty when {@code monthly.channel} is not set
   * @param isAdmin whether a Slack user id is an admin
   * @param clock makes each on-demand run distinct
   */
  MonthlyCommand(Optional<MonthlyUpdate> monthly, Predicate<String> isAdmin, Clock clock) {
    this.monthly = monthly;
    this.isAdmin = isAdmin;
    this.clock = clock;
  }

  /** The sub-command to register with {@code /drumbeat}. */
  SubCommand subCommand() {
    return new SubCommand("monthly", USAGE, (user, args, url) -> run(user, args));
  }

  String run(String user, String args) {
    String[] words = args.trim().split("\\s+");
    if (!words[0].equalsIgnoreCase("now") || words.length > 2) {
      return "I don't know `/drumbeat monthly " + SlashText.mrkdwn(args) + "`.\n" + USAGE;
    }
    if (!isAdmin.test(user)) {
      return ":no_entry: Only Drumbeat admins can run `/drumbeat monthly now`. Admins are listed"
          + " under `admins` in drumbeat.yml.";
    }
    if (monthly.isEmpty()) {
      return ":warning: There is no monthly update: set `monthly.channel` in drumbeat.yml.";
    }
    YearMonth month;
    try {
      month = words.length == 2 ? YearMonth.parse(words[1]) : monthly.get().lastMonth();
    } catch (DateTimeParseException e) {
      return ":warning: Give the month as YYYY-MM, e.g. `/drumbeat monthly now 2026-11`.";
    }
    monthly.get().post(month, ":now-" + clock.millis());
    return ":white_check_mark: The month in review for " + month + " is on its way.";
  }
}
