package io.drumbeat.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Escaping and sizing of Slack mrkdwn text.
 *
 * <p>Slack treats {@code &}, {@code <} and {@code >} as control characters; user text must have
 * exactly these three replaced before it enters any mrkdwn, so that {@code <!channel>} typed by a
 * user pings nobody (https://api.slack.com/reference/surfaces/formatting#escaping). {@link #escape}
 * is Drumbeat's only mrkdwn escaper. It takes plain text: slash-command text arrives already
 * escaped by Slack and is decoded once with {@link SlashText#plain} before it is stored or escaped
 * again.
 */
public final class Mrkdwn {
  /** Most characters Slack accepts in one section or context text (Block Kit reference). */
  public static final int MAX_TEXT = 3000;

  private Mrkdwn() {}

  /**
   * {@code text} with exactly {@code &}, {@code <} and {@code >} replaced by {@code &amp;}, {@code
   * &lt;} and {@code &gt;} ({@code &} first), e.g. {@code "R&D <!channel>"} becomes {@code "R&amp;D
   * &lt;!channel&gt;"}; null becomes "".
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Splits already-escaped mrkdwn into pieces of at most {@code max} characters, preferring line
   * breaks and spaces and never cutting an entity such as {@code &amp;} in two.
   *
   * @return at least one piece; an empty input gives one empty piece
   */
  public static List<String> chunk(String escaped, int max) {
    List<String> pieces = new ArrayList<>();
    String rest = escaped;
    while (rest.length() > max) {
      int cut = cutPoint(rest, max);
      pieces.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    pieces.add(rest);
    return pieces;
  }

  /** Shortens escaped text to at most {@code max} characters, ending with an ellipsis if cut. */
  public static String truncate(String escaped, int max) {
    if (escaped.length() <= max) {
      return escaped;
    }
    return escaped.substring(0, cutPoint(escaped, max - 1)) + "…";
  }

  /**
   * Where to cut {@code text} so the first piece has at most {@code max} characters: after a line
   * break or space in the second half if there is one, never inside an entity ({@code &amp;}) or
   * between the two halves of a surrogate pair (an emoji).
   */
  private static int cutPoint(String text, int max) {
    int newline = text.lastIndexOf('\n', max - 1);
    int space = text.lastIndexOf(' ', max - 1);
    int cut = newline > max / 2 ? newline + 1 : space > max / 2 ? space + 1 : max;
    int amp = text.lastIndexOf('&', cut - 1);
    if (amp >= 0 && amp > cut - 5 && text.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return cut;
  }
}
