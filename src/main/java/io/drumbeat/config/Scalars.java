package io.drumbeat.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Parsers for the scalar formats of {@code drumbeat.yml}. Each throws {@link
 * IllegalArgumentException} whose message quotes the bad value and says what to write instead; the
 * caller prefixes it with the key path.
 */
final class Scalars {
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern TEAM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private Scalars() {}

  /** Parses a three-letter day, case-insensitive: {@code MON}…{@code SUN}. */
  static DayOfWeek day(String text) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equalsIgnoreCase(text)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        quote(text) + " is not a day (use MON, TUE, WED, THU, FRI, SAT or SUN)");
  }

  /** Parses a 24-hour {@code HH:mm} time with two-digit hours, e.g. {@code 09:30}. */
  static LocalTime time(String text) {
    if (!TIME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          quote(text) + " is not a time (use 24-hour HH:mm, e.g. 09:30)");
    }
    return LocalTime.of(
        Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(3)));
  }

  /** Parses an ISO calendar date {@code YYYY-MM-DD} that exists, e.g. {@code 2026-12-25}. */
  static LocalDate date(String text) {
    try {
      if (DATE.matcher(text).matches()) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeException e) {
      // fall through
    }
    throw new IllegalArgumentException(quote(text) + " is not a date (use YYYY-MM-DD)");
  }

  /** Parses a time zone id as {@link ZoneId#of(String)} does, e.g. {@code Europe/Berlin}. */
  static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          quote(text) + " is not a time zone (use an IANA name like America/Los_Angeles)", e);
    }
  }

  /** Checks a Slack user id, {@code U…} or {@code W…} in capitals and digits. */
  static String userId(String text) {
    if (!USER_ID.matcher(text).matches()) {
      throw new IllegalArgumentException(
          quote(text)
              + " is not a Slack user id (like U0123ABCD; in Slack: profile > More > Copy member"
              + " ID)");
    }
    return text;
  }

  /** Checks a team id: 1–40 of lowercase letters, digits and {@code -}, not starting with -. */
  static String teamId(String text) {
    if (!TEAM_ID.matcher(text).matches()) {
      throw new IllegalArgumentException(
          quote(text)
              + " is not a team id (use 1-40 lowercase letters, digits and -, starting with a"
              + " letter or digit)");
    }
    return text;
  }

  /** Quotes a value for a message: {@code "like this"}, escaping quotes and line breaks. */
  static String quote(String text) {
    String escaped =
        text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
    return "\"" + (escaped.length() > 60 ? escaped.substring(0, 57) + "..." : escaped) + "\"";
  }

  /** Describes what a YAML value is, for "expected X, got Y" messages. */
  static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "text " + quote(node.textValue());
    } else if (node.isNumber()) {
      return "the number " + node.asText();
    } else if (node.isBoolean()) {
      return "the boolean " + node.asText() + " (YAML reads yes/no/on/off as booleans)";
    } else if (node.isArray()) {
      return "a list";
    } else if (node.isObject()) {
      return "a mapping";
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
  }
}
