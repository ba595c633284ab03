package io.drumbeat.daily;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping of user text put on one line of a Markdown document (a heading or a bullet), so that it
 * reads as typed and cannot change the document's structure.
 */
final class MarkdownText {
  /** A leading marker that would start a heading, list, quote, fence, rule or table row. */
  private static final Pattern LEADING = Pattern.compile("^(\\d{1,9}(?=[.)])|[#*+\\-=>_~`|])");

  private MarkdownText() {}

  /**
   * {@code text} on one line (line breaks become spaces), with backslashes and {@code <} escaped
   * everywhere (no raw HTML) and a leading structural marker escaped, e.g. {@code "# a"} becomes
   * {@code "\# a"} and {@code "1. a"} becomes {@code "1\. a"}; null becomes "".
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\R", " ").strip().replace("\\", "\\\\").replace("<", "\\<");
    Matcher m = LEADING.matcher(line);
    if (!m.find()) {
      return line;
    }
    return m.group(1).chars().allMatch(Character::isDigit)
        ? m.group(1) + "\\" + line.substring(m.end())
        : "\\" + line;
  }
}
