package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The quarterly planning calendar. With {@code fiscalYearStartMonth: 2}, FY2027-Q4 runs from
 * 2026-11-01 (a Sunday) to 2027-01-31: its week 1 is the week of 2026-10-26, week 13 starts on
 * Monday 2027-01-18, and week 1 of the next quarter (FY2028-Q1, a new fiscal year) on Monday
 * 2027-02-01.
 */
class PlanningCalendarEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime WEEK_13 = ZonedDateTime.of(2027, 1, 25, 9, 0, 0, 0, LA);

  static final String CONFIG =
      TestSlackApp.CONFIG
          + """
          calendar:
            - week: 13
              day: MON
              at: "10:00"
              channel: "#vp-sync"
              text: "End-of-quarter retro <!channel> & scorecard"
              mention: [U0ADMIN1, U0AAA1]
            - {week: 1, day: MON, at: "09:00", channel: "#okrs", text: "Kick off", next: true}
          """;

  static List<SlackCall> posts(TestSlackApp t, String channel, String text) {
    return t.postsTo(channel).stream().filter(c -> c.param("text").contains(text)).toList();
  }

  @Test
  void an_entry_is_posted_at_its_week_day_and_time_with_mentions_and_escaped_text() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, WEEK_13, CONFIG, TestSlackApp.OKRS)) {
      t.advanceTo(WEEK_13.withHour(9).withMinute(50), Duration.ofMinutes(10));
      assertThat(posts(t, "C0VPSYNC", "retro")).isEmpty();

      t.advanceTo(WEEK_13.withHour(12), Duration.ofMinutes(10));

      List<SlackCall> posted = posts(t, "C0VPSYNC", "retro");
      assertThat(posted).hasSize(1);
      assertThat(posted.get(0).param("text"))
          .isEqualTo("<@U0ADMIN1> <@U0AAA1> End-of-quarter retro &lt;!channel&gt; &amp; scorecard");
      assertThat(posted.get(0).receivedAt()).isAfterOrEqualTo(WEEK_13.withHour(10).toInstant());
      assertThat(posted.get(0).receivedAt())
          .isBefore(WEEK_13.withHour(10).plusMinutes(1).toInstant());
    }
  }

  @Test
  void week_1_of_the_next_quarter_is_posted_once_across_the_fiscal_year_boundary() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, WEEK_13, CONFIG, TestSlackApp.OKRS)) {
      ZonedDateTime kickOff = ZonedDateTime.of(2027, 2, 1, 9, 0, 0, 0, LA);
      t.advanceTo(kickOff.minusMinutes(30), Duration.ofHours(1));
      assertThat(posts(t, "C0OKRS", "Kick off")).isEmpty();

      t.advanceTo(kickOff.plusDays(8), Duration.ofMinutes(30));

      List<SlackCall> posted = posts(t, "C0OKRS", "Kick off");
      assertThat(posted).hasSize(1);
      assertThat(posted.get(0).receivedAt())
          .isBetween(kickOff.toInstant(), kickOff.plusMinutes(1).toInstant());
      assertThat(posted.get(0).json("metadata").toString()).contains("calendar:FY2027-Q4:1");
      assertThat(posts(t, "C0VPSYNC", "retro")).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void two_instances_post_an_entry_once(TestDb db) throws InterruptedException {
    try (TestSlackApp t = TestSlackApp.start(db, WEEK_13, CONFIG, TestSlackApp.OKRS);
        TestSlackApp other = t.secondInstance(db, CONFIG)) {
      t.pollTogether(other, WEEK_13.withHour(11), Duration.ofMinutes(5));
      t.deliverAll();
      other.deliverAll();

      assertThat(posts(t, "C0VPSYNC", "retro")).hasSize(1);
    }
  }

  @Test
  void an_entry_missed_while_drumbeat_was_down_is_posted_once_the_same_week_and_never_later() {
    String url;
    try (TestSlackApp t =
        TestSlackApp.start(TestDb.POSTGRES, WEEK_13.withHour(8), CONFIG, TestSlackApp.OKRS)) {
      t.runDue();
      url = t.database.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    try (TestSlackApp t = TestSlackApp.restart(TestDb.POSTGRES, url, WEEK_13.plusDays(2), CONFIG)) {
      t.runDue();
      t.deliverAll();
      assertThat(posts(t, "C0VPSYNC", "retro")).hasSize(1);
    }
    try (TestSlackApp t =
        TestSlackApp.restart(TestDb.POSTGRES, url, WEEK_13.plusDays(2).plusHours(1), CONFIG)) {
      t.runDue();
      t.deliverAll();
      assertThat(posts(t, "C0VPSYNC", "retro")).isEmpty(); // a new double: nothing posted again
    }
  }

  @Test
  void an_entry_whose_week_ended_while_drumbeat_was_down_is_never_posted() {
    try (TestSlackApp t =
        TestSlackApp.start(TestDb.H2, WEEK_13.plusWeeks(1), CONFIG, TestSlackApp.OKRS)) {
      t.advanceTo(WEEK_13.plusWeeks(1).plusHours(3), Duration.ofMinutes(30));
      t.deliverAll();
      assertThat(posts(t, "C0VPSYNC", "retro")).isEmpty();
      assertThat(t.clock.instant()).isAfter(Instant.parse("2027-01-25T17:00:00Z"));
    }
  }
}
