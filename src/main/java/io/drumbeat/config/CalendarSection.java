package io.drumbeat.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code calendar} list of {@code drumbeat.yml}: the quarterly planning calendar. */
final class CalendarSection {
  static final List<String> KEYS =
      List.of("week", "day", "at", "channel", "text", "mention", "next");

  /** Longest message text, in characters: room for mentions within Slack's 3000 per section. */
  static final int MAX_TEXT = 2500;

  /** Most people mentioned by one entry. */
  static final int MAX_MENTIONS = 20;

  private CalendarSection() {}

  /**
   * Reads every entry, reporting problems at {@code calendar[i].key}.
   *
   * @return the valid entries in file order; empty when the key is absent
   */
  static List<CalendarEntry> read(Node calendar) {
    List<CalendarEntry> result = new ArrayList<>();
    for (Node entry : calendar.elements().orElse(List.of())) {
      readEntry(entry).ifPresent(result::add);
    }
    return result;
  }

  private static Optional<CalendarEntry> readEntry(Node entry) {
    if (entry.isAbsent()) {
      entry.problem("empty (an entry needs week, day, at, channel and text)");
      return Optional.empty();
    }
    if (!entry.isMapping(KEYS)) {
      return Optional.empty();
    }
    int before = entry.problemCount();
    Node weekNode = entry.get("week");
    Optional<Integer> week = weekNode.isAbsent() ? missing(weekNode) : weekNode.integer(1, 14, 1);
    Optional<DayOfWeek> day = entry.get("day").required(Scalars::day);
    Optional<LocalTime> at = entry.get("at").required(Scalars::time);
    Optional<ChannelRef> channel = entry.get("channel").channel(true);
    Optional<String> text = entry.get("text").required(CalendarSection::text);
    List<String> mention = entry.get("mention").list(Scalars::userId).orElse(List.of());
    Node mentionNode = entry.get("mention");
    if (mention.size() > MAX_MENTIONS) {
      mentionNode.problem("names " + mention.size() + " people (at most " + MAX_MENTIONS + ")");
    }
    Optional<Boolean> next = entry.get("next").flag(false);
    if (entry.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new CalendarEntry(
            week.orElseThrow(),
            day.orElseThrow(),
            at.orElseThrow(),
            channel.orElseThrow(),
            text.orElseThrow(),
            mention,
            next.orElseThrow()));
  }

  private static Optional<Integer> missing(Node node) {
    node.problem("missing (the week of the quarter, 1 to 14)");
    return Optional.empty();
  }

  private static String text(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "is " + value.length() + " characters long (at most " + MAX_TEXT + ")");
    }
    return value.strip();
  }
}
