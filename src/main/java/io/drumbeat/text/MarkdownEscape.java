package io.drumbeat.text;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping of user text in a Markdown document (CommonMark 0.31 and GitHub Flavored Markdown), so
 * that it reads as typed and cannot change the document's structure or load anything: no raw HTML,
 * links, images, emphasis, code, strikethrough, tables or entities, and no line that starts a
 * heading, list, quote, fence, rule or table row. Used for every Markdown export (retro notes,
 * daily updates); Slack's mrkdwn has other rules ({@code io.drumbeat.slack.Mrkdwn}).
 *
 * <p>CommonMark lets a backslash escape any ASCII punctuation ("Backslash escapes"), and an escaped
 * character is shown as itself, so the output renders exactly as the input, e.g. {@code
 * ![](https://t.example/p.png)} becomes {@code !\[\](https://t.example/p.png)}: text, not an image.
 * A bare address such as {@code https://t.example} is still turned into a visible link by GitHub's
 * autolink extension; it shows its own address, never hidden text or an image.
 */
public final class MarkdownEscape {
  /**
   * Characters that format inline text anywhere on a line, or start raw HTML, an autolink or an
   * entity: backslash, backtick, {@code * _ [ ] < > | ~ &}. Escaping {@code >}, {@code |}, {@code
   * `}, {@code ~}, {@code *} and {@code _} also defuses a quote, table row, fence or rule at the
   * start of a line.
   */
  private static final Pattern INLINE = Pattern.compile("[\\\\`*_\\[\\]<>|~&]");

  /**
   * A leading marker that would start a heading ({@code #}), a bullet list ({@code +}, {@code -}),
   * a setext underline or rule ({@code =}, {@code -}) or an ordered list (1–9 digits then {@code .}
   * or {@code )}); group 1 holds the digits of an ordered-list marker.
   */
  private static final Pattern LEADING = Pattern.compile("^(?:[#+\\-=]|(\\d{1,9})[.)])");

  private MarkdownEscape() {}

  /**
   * {@code text} as one line of Markdown, e.g. inside a heading or a bullet: line breaks become
   * spaces, the ends are stripped and everything is escaped, e.g. {@code "# *a*"} becomes {@code
   * "\# \*a\*"} and {@code "1. a"} becomes {@code "1\. a"}.
   *
   * @param text user text, any length, may be null
   * @return the escaped line, without line breaks; null and blank text give ""
   */
  public static String line(String text) {
    if (text == null) {
      return "";
    }
    String line = INLINE.matcher(text.replaceAll("\\R", " ").strip()).replaceAll("\\\\$0");
    Matcher m = LEADING.matcher(line);
    if (!m.find()) {
      return line;
    }
    return m.group(1) != null
        ? m.group(1) + "\\" + line.substring(m.group(1).length())
        : "\\" + line;
  }

  /**
   * {@code text} kept on its lines inside one list item: each non-blank line escaped as by {@link
   * #line}, joined by a hard line break (a backslash at the end of the line) and {@code indent},
   * the spaces that keep the next line in the item, e.g. {@code lines("a\n> b", " ")} gives {@code
   * "a\\\n \> b"}.
   *
   * @param text user text, may be null
   * @param indent the continuation indent of the enclosing list item, e.g. two spaces after "- "
   * @return the escaped lines; null and blank text give ""
   */
  public static String lines(String text, String indent) {
    if (text == null) {
      return "";
    }
    return String.join(
        "\\\n" + indent,
        Arrays.stream(text.split("\\R"))
            .filter(l -> !l.isBlank())
            .map(MarkdownEscape::line)
            .toList());
  }
}
