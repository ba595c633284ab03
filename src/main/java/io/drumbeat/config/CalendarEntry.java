package io.drumbeat.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the planning calendar ({@code calendar[]} in {@code drumbeat.yml}): a message posted
 * once per fiscal quarter, e.g. the handbook's "Week 7: gather input from stakeholders on upcoming
 * priorities" ({@code product-and-engineering.md}, "Quarterly planning process").
 *
 * @param week the week of the fiscal quarter, 1 to 14 (week 1 starts on the quarter's first Monday)
 * @param day the day of that week
 * @param at the time of day, in the organisation's zone ({@code timezone})
 * @param channel where it is posted
 * @param text the message as written (plain text; escaped when posted)
 * @param mention Slack user ids mentioned at the start of the message, possibly empty
 * @param next true when {@code week} is a week of the next quarter (e.g. week 1 of the next
 *     quarter: the kick-off that ends a quarter's planning)
 */
public record CalendarEntry(
    int week,
    DayOfWeek day,
    LocalTime at,
    ChannelRef channel,
    String text,
    List<String> mention,
    boolean next) {

  /**
   * Copies {@code mention}.
   *
   * @throws NullPointerException if a reference argument is null
   * @throws IllegalArgumentException if {@code week} is not 1 to 14
   */
  public CalendarEntry {
    if (week < 1 || week > 14) {
      throw new IllegalArgumentException("week must be 1-14, was " + week);
    }
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(text, "text");
    mention = List.copyOf(mention);
  }
}
