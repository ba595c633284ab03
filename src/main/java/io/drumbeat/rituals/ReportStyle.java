package io.drumbeat.rituals;

import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.text.MarkdownEscape;
import java.util.function.UnaryOperator;

/**
 * How the month in review is written: Slack mrkdwn for the post, Markdown for {@code export
 * monthly}, HTML and plain text for the email. User text always goes through {@link #escape}.
 *
 * @param escape escapes user text for the format
 * @param bold marks text (already escaped) bold
 * @param emoji whether headings start with a Slack emoji shortcode
 */
record ReportStyle(UnaryOperator<String> escape, UnaryOperator<String> bold, boolean emoji) {
  /** Slack mrkdwn ({@link Mrkdwn#escape}, {@code *bold*}, emoji). */
  static final ReportStyle MRKDWN = new ReportStyle(Mrkdwn::escape, t -> "*" + t + "*", true);

  /** Markdown ({@link MarkdownEscape#line}, {@code **bold**}, no emoji). */
  static final ReportStyle MARKDOWN =
      new ReportStyle(MarkdownEscape::line, t -> "**" + t + "**", false);

  /** HTML (entities for {@code & < > " '}, {@code <b>bold</b>}, no emoji). */
  static final ReportStyle HTML =
      new ReportStyle(ReportStyle::html, t -> "<b>" + t + "</b>", false);

  /** Plain text (as written, no marks, no emoji). */
  static final ReportStyle PLAIN = new ReportStyle(t -> t, t -> t, false);

  /** {@code text} with the HTML special characters written as entities. */
  static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** A section heading, e.g. ":dart: *Key results*" or "**Key results**". */
  String heading(String emojiCode, String escapedTitle) {
    return (emoji ? emojiCode + " " : "") + bold.apply(escapedTitle);
  }

  /** Escaped user text. */
  String text(String raw) {
    return escape.apply(raw);
  }
}
