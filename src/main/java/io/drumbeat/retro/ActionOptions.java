package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.SlashText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /retro action TEXT @owner [DUE-DATE]} asked for.
 *
 * @param text what is to be done, as typed (plain text, not escaped)
 * @param owner the owner's Slack user id
 * @param dueDate the due date, or null
 */
record ActionOptions(String text, String owner, LocalDate dueDate) {
  /** The usage line shown with every parse error. */
  public static final String USAGE = "`/retro action TEXT @owner [YYYY-MM-DD]`";

  private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,31})(?:\\|[^>]*)?>");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Parses the text after {@code action} as Slack sends it ({@code should_escape}): the last
   * mention token ({@code <@U…|name>}) is the owner, a trailing ISO date is the due date, the rest
   * is the text, decoded once by {@link SlashText#plain} (other mentions read "@name").
   *
   * @param today today in the organisation's zone; a due date before it is refused
   * @throws DrumbeatException naming what is missing or wrong, with the usage
   */
  public static ActionOptions parse(String args, LocalDate today) {
    String rest = args.trim();
    LocalDate due = null;
    int space = rest.lastIndexOf(' ');
    String last = rest.substring(space + 1);
    if (DATE.matcher(last).matches()) {
      due = date(last, today);
      rest = rest.substring(0, Math.max(space, 0)).trim();
    }
    Matcher m = MENTION.matcher(rest);
    String owner = null;
    int start = -1;
    int end = -1;
    while (m.find()) {
      owner = m.group(1);
      start = m.start();
      end = m.end();
    }
    if (owner == null) {
      throw error("Name the owner with an @mention.");
    }
    String text = SlashText.plain(rest.substring(0, start) + " " + rest.substring(end)).trim();
    if (text.isEmpty()) {
      throw error("Say what is to be done.");
    }
    if (text.length() > ActionItem.MAX_TEXT) {
      throw error("Keep the action item under " + ActionItem.MAX_TEXT + " characters.");
    }
    return new ActionOptions(text, owner, due);
  }

  private static LocalDate date(String v, LocalDate today) {
    try {
      LocalDate d = LocalDate.parse(v);
      if (d.isBefore(today)) {
        throw error("The due date " + v + " is in the past (today is " + today + ").");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw error("`" + Mrkdwn.escape(v) + "` is not a date; use YYYY-MM-DD.");
    }
  }

  private static DrumbeatException error(String problem) {
    return new DrumbeatException(problem + "\nUsage: " + USAGE);
  }
}
