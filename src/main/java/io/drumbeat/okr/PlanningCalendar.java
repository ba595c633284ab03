package io.drumbeat.okr;

import io.drumbeat.DrumbeatException;
import io.drumbeat.config.CalendarEntry;
import io.drumbeat.config.ChannelRef;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.Mrkdwn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The quarterly planning calendar ({@code calendar} in {@code drumbeat.yml}; the handbook's
 * "Quarterly planning process", {@code product-and-engineering.md}): each entry is posted once per
 * quarter, at its day and time in the organisation's zone. The {@code okr_calendar_post} ledger and
 * the outbox row (key {@code calendar:FY2027-Q4:3}) are written in one transaction, so a retry, a
 * restart or a second instance never posts an entry twice in a quarter.
 */
final class PlanningCalendar {
  private final Jdbi jdbi;
  private final OkrCalendar calendar;
  private final QuarterWeeks weeks;
  private final List<CalendarEntry> entries;
  private final Outbox outbox;
  private final Function<ChannelRef, String> channels;

  /**
   * @param jdbi database
   * @param calendar organisation time
   * @param weeks weeks of the fiscal quarter
   * @param entries {@code calendar}, in file order (an entry is named by its index)
   * @param outbox where the posts are recorded
   * @param channels resolves an entry's channel to its id at posting time
   */
  PlanningCalendar(
      Jdbi jdbi,
      OkrCalendar calendar,
      QuarterWeeks weeks,
      List<CalendarEntry> entries,
      Outbox outbox,
      Function<ChannelRef, String> channels) {
    this.jdbi = jdbi;
    this.calendar = calendar;
    this.weeks = weeks;
    this.entries = List.copyOf(entries);
    this.outbox = outbox;
    this.channels = channels;
  }

  /**
   * One entry's post in one quarter.
   *
   * @param quarter the quarter whose calendar it belongs to (for {@code next: true}, the quarter
   *     before the one it is posted in)
   * @param index the entry's index in {@code calendar}
   * @param at when it is due
   */
  record Occurrence(Quarter quarter, int index, Instant at) {
    /** The db-scheduler instance id, e.g. {@code FY2027-Q4:3}. */
    String instanceId() {
      return quarter + ":" + index;
    }

    /**
     * Parses {@link #instanceId()}; the result has no {@code at}.
     *
     * @throws DrumbeatException when {@code id} is not of that form
     */
    static Occurrence parse(String id) {
      int colon = id.lastIndexOf(':');
      try {
        return new Occurrence(
            Quarter.parse(id.substring(0, colon)), Integer.parseInt(id.substring(colon + 1)), null);
      } catch (RuntimeException e) {
        throw new DrumbeatException("\"" + id + "\" is not a calendar post id", e);
      }
    }
  }

  /**
   * The posts due before {@code until} whose week has not ended and that were not posted yet: this
   * quarter's entries and last quarter's {@code next: true} entries. A post whose week has ended
   * (Drumbeat was down all week) is never sent.
   */
  List<Occurrence> dueBefore(Instant until) {
    Quarter now = calendar.currentQuarter();
    List<Occurrence> due = new ArrayList<>();
    for (Quarter quarter : List.of(weeks.previous(now), now)) {
      for (int i = 0; i < entries.size(); i++) {
        Occurrence o = new Occurrence(quarter, i, at(quarter, entries.get(i)));
        if (!o.at().isAfter(until) && isCurrent(quarter, entries.get(i)) && !posted(o)) {
          due.add(o);
        }
      }
    }
    return due;
  }

  /**
   * Posts an entry if it is due and not posted yet this quarter.
   *
   * @param instanceId e.g. {@code FY2027-Q4:3}
   * @return what happened, for the log
   */
  String post(String instanceId) {
    Occurrence o = Occurrence.parse(instanceId);
    if (o.index() >= entries.size()) {
      return "no calendar entry " + o.index() + " any more";
    }
    CalendarEntry entry = entries.get(o.index());
    if (!isCurrent(o.quarter(), entry)) {
      return "its week has ended; not posted";
    }
    if (at(o.quarter(), entry).isAfter(calendar.clock().instant())) {
      return "not due yet (the calendar changed)";
    }
    String channel = channels.apply(entry.channel());
    return jdbi.inTransaction(
        h -> {
          int claimed =
              h.attach(CalendarPostRepository.class)
                  .claim(o.quarter().toString(), o.index(), calendar.clock().instant());
          if (claimed == 0) {
            return "already posted";
          }
          String text = text(entry);
          outbox.enqueue(
              h,
              Delivery.message("calendar:" + o.instanceId(), channel, Content.of(text, List.of())));
          return "posted to " + channel;
        });
  }

  /**
   * The message: the mentions ({@code <@U…>}, ids validated by the configuration), then the text,
   * escaped.
   */
  static String text(CalendarEntry entry) {
    String mentions =
        entry.mention().stream().map(id -> "<@" + id + ">").collect(Collectors.joining(" "));
    String text = Mrkdwn.escape(entry.text());
    return mentions.isEmpty() ? text : mentions + " " + text;
  }

  private boolean posted(Occurrence o) {
    return jdbi.onDemand(CalendarPostRepository.class).posted(o.quarter().toString(), o.index())
        > 0;
  }

  private Instant at(Quarter quarter, CalendarEntry entry) {
    return ZonedDateTime.of(date(quarter, entry), entry.at(), calendar.zone()).toInstant();
  }

  private LocalDate date(Quarter quarter, CalendarEntry entry) {
    return weeks.date(entry.next() ? weeks.next(quarter) : quarter, entry.week(), entry.day());
  }

  /** True while the ISO week of the entry's date in {@code quarter} has not ended. */
  private boolean isCurrent(Quarter quarter, CalendarEntry entry) {
    LocalDate weekEnd = IsoWeek.of(date(quarter, entry)).next().monday();
    return calendar.today().isBefore(weekEnd);
  }
}
