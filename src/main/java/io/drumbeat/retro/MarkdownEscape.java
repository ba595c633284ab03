package io.drumbeat.retro;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping of user text in a Markdown document (CommonMark and GitHub), so that it reads as typed
 * and cannot change the document's structure: no raw HTML, links, emphasis, code, tables or
 * entities, and no line that starts a heading, list, quote or rule.
 */
final class MarkdownEscape {
  /** Characters that format inline text (or start HTML or an entity) anywhere on a line. */
  private static final Pattern INLINE = Pattern.compile("[\\\\`*_\\[\\]<>|~&]");

  /** A leading marker that would start a heading, list, setext underline or ordered list. */
  private static final Pattern LEADING = Pattern.compile("^(?:[#+\\-=]|(\\d{1,9})[.)])");

  private MarkdownEscape() {}

  /**
   * {@code text} on one line (line breaks become spaces), escaped, e.g. {@code "# *a*"} becomes
   * {@code "\# \*a\*"} and {@code "1. a"} becomes {@code "1\. a"}; null becomes "".
   */
  static String line(String text) {
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
   * {@code text} kept on its lines inside a list item: each non-blank line escaped as by {@link
   * #line}, joined by hard line breaks (a backslash at the end of the line) and {@code indent}, the
   * spaces that keep the next line in the item.
   */
  static String lines(String text, String indent) {
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
