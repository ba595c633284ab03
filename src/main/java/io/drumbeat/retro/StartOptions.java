package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.SlashText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /retro start TITLE [--votes N] [--named] [--channel #x] [--okrs FY2027-Q1]} asked
 * for. Options may come anywhere; the other words are the title.
 *
 * @param title the retro's title as typed (plain text, decoded once by {@link SlashText#plain}),
 *     1–{@value Retro#MAX_TITLE} characters
 * @param votes votes per person 1–20, or empty for the configured default
 * @param named true for {@code --named} (authors shown)
 * @param channel the channel id of {@code --channel}, or empty
 * @param okrQuarter the quarter of {@code --okrs}, e.g. "FY2027-Q1", or empty
 */
record StartOptions(
    String title,
    Optional<Integer> votes,
    boolean named,
    Optional<String> channel,
    Optional<String> okrQuarter) {

  /** The usage line shown with every parse error. */
  public static final String USAGE =
      "`/retro start TITLE [--votes N] [--named] [--channel #channel] [--okrs FY2027-Q1]`";

  private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]{2,31})(?:\\|[^>]*)?>");
  private static final Pattern QUARTER = Pattern.compile("FY\\d{4}-Q[1-4]");

  /**
   * Parses the text after {@code start} as Slack sends it ({@code should_escape}): the channel of
   * {@code --channel} must be a token {@code <#C…|name>}; every other word is decoded once.
   *
   * @throws DrumbeatException naming the bad option (escaped mrkdwn), with the usage
   */
  public static StartOptions parse(String text) {
    List<String> words = SlashText.words(text);
    List<String> title = new ArrayList<>();
    Optional<Integer> votes = Optional.empty();
    Optional<String> channel = Optional.empty();
    Optional<String> quarter = Optional.empty();
    boolean named = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "--named" -> named = true;
        case "--votes" -> votes = Optional.of(votes(value(words, ++i, w)));
        case "--channel" -> channel = Optional.of(channel(value(words, ++i, w)));
        case "--okrs" -> quarter = Optional.of(quarter(value(words, ++i, w)));
        default -> {
          if (w.startsWith("--")) {
            throw error("I don't know the option `" + SlashText.mrkdwn(w) + "`.");
          }
          title.add(SlashText.plain(w));
        }
      }
    }
    String t = String.join(" ", title);
    if (t.isEmpty()) {
      throw error("Give the retro a title, e.g. `/retro start Sprint 42`.");
    }
    if (t.length() > Retro.MAX_TITLE) {
      throw error("Keep the title under " + Retro.MAX_TITLE + " characters.");
    }
    return new StartOptions(t, votes, named, channel, quarter);
  }

  private static String value(List<String> words, int i, String option) {
    if (i >= words.size() || words.get(i).startsWith("--")) {
      throw error("`" + option + "` needs a value.");
    }
    return words.get(i);
  }

  private static int votes(String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= 20) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        "`--votes` must be a whole number from 1 to 20, not `" + SlashText.mrkdwn(v) + "`.");
  }

  private static String channel(String v) {
    Matcher m = CHANNEL.matcher(v);
    if (!m.matches()) {
      throw error("`--channel` needs a channel picked with #, e.g. `--channel #retros`.");
    }
    return m.group(1);
  }

  private static String quarter(String v) {
    if (!QUARTER.matcher(v).matches()) {
      throw error(
          "`--okrs` needs a fiscal quarter such as `FY2027-Q1`, not `"
              + SlashText.mrkdwn(v)
              + "`.");
    }
    return v;
  }

  private static DrumbeatException error(String problem) {
    return new DrumbeatException(problem + "\nUsage: " + USAGE);
  }
}
