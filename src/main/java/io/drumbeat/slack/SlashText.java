package io.drumbeat.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the {@code text} of a slash command as Slack sends it for a command declared with {@code
 * should_escape: true} (manifest.yml): what a person typed has {@code &}, {@code <} and {@code >}
 * replaced by {@code &amp;}, {@code &lt;} and {@code &gt;}, and what Slack recognised is a token
 * between a literal {@code <} and {@code >}: {@code <@U123|name>} for an @mention, {@code
 * <#C123|name>} for a #channel, {@code <!here>} for @here, {@code <http://x|x>} for a link
 * (https://api.slack.com/interactivity/slash-commands, "should_escape"; formatting reference,
 * "Escaping text"). A literal {@code <} therefore always starts a token, never typed text.
 *
 * <p>Parsers find tokens in the text as sent (so that a typed {@code <@U123>}, which arrives as
 * {@code &lt;@U123&gt;}, is never taken for a mention) and turn everything else into plain text
 * with {@link #plain} once; plain text is escaped again ({@link Mrkdwn#escape}) only where it is
 * shown.
 */
public final class SlashText {
  /** A token Slack made, or one of the three entities it writes for typed characters. */
  private static final Pattern PART = Pattern.compile("<([^<>]*)>|&(amp|lt|gt);");

  /** A word: tokens (whose labels may hold spaces) and other non-space characters. */
  private static final Pattern WORD = Pattern.compile("(?:<[^<>]*>|\\S)+");

  private SlashText() {}

  /**
   * The plain text a person typed, from {@code sent} as Slack sent it: entities decoded once
   * ({@code R&amp;amp;D} gives {@code R&amp;D}), and each token written as it reads: {@code
   * <@U123|sam>} as "@sam" ({@code <@U123>} as "@U123"), {@code <#C123|general>} as "#general",
   * {@code <!here>} and {@code <!subteam^S1|@devs>} as "@here" and "@devs", and a link as its label
   * or else its address. Plain text never pings anyone: only a literal {@code <!here>} does, and
   * {@link Mrkdwn#escape} turns {@code <} into {@code &lt;}.
   *
   * @param sent the {@code text} field, or a part of it that does not cut a token; null is ""
   * @return the plain text, not escaped for any format
   */
  public static String plain(String sent) {
    if (sent == null) {
      return "";
    }
    Matcher m = PART.matcher(sent);
    StringBuilder plain = new StringBuilder();
    while (m.find()) {
      String part = m.group(1) != null ? token(m.group(1)) : entity(m.group(2));
      m.appendReplacement(plain, Matcher.quoteReplacement(part));
    }
    return m.appendTail(plain).toString();
  }

  /**
   * {@code sent} as mrkdwn that shows what was typed, for quoting a person's words back: decoded
   * once by {@link #plain}, then escaped once by {@link Mrkdwn#escape}, e.g. {@code "R&amp;D"}
   * gives {@code "R&amp;D"} (shown as "R&D") and {@code "<!channel>"} gives "@channel", which pings
   * nobody.
   *
   * @param sent the {@code text} field or a part of it that does not cut a token; null is ""
   */
  public static String mrkdwn(String sent) {
    return Mrkdwn.escape(plain(sent));
  }

  /**
   * The words of {@code sent}, split at white space outside tokens, as sent (not decoded): {@code
   * "a <@U1|b c> d"} gives "a", "<@U1|b c>", "d".
   *
   * @param sent the {@code text} field or a part of it; null gives no words
   */
  public static List<String> words(String sent) {
    List<String> words = new ArrayList<>();
    if (sent != null) {
      Matcher m = WORD.matcher(sent);
      while (m.find()) {
        words.add(m.group());
      }
    }
    return words;
  }

  private static String entity(String name) {
    return switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      default -> ">";
    };
  }

  /** How a token's inside ({@code @U123|sam}, {@code !here}, …) reads as plain text. */
  private static String token(String inside) {
    int bar = inside.indexOf('|');
    String target = bar < 0 ? inside : inside.substring(0, bar);
    String label = bar < 0 ? "" : plain(inside.substring(bar + 1));
    if (target.startsWith("@") || target.startsWith("#")) {
      return target.charAt(0) + (label.isEmpty() ? target.substring(1) : strip(label, target));
    }
    if (target.startsWith("!")) {
      String name = target.substring(target.lastIndexOf('^') + 1).replaceFirst("^!", "");
      return "@" + (label.isEmpty() ? name : label.replaceFirst("^@", ""));
    }
    return label.isEmpty() ? plain(target) : label;
  }

  /** {@code label} without a leading "@" or "#" that repeats the token's own marker. */
  private static String strip(String label, String target) {
    return label.startsWith(target.substring(0, 1)) ? label.substring(1) : label;
  }
}
