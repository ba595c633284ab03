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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Friday reminder: one private DM per owner lacking a check-in, at 14:00 in their own zone. */
class ReminderEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, LA);
  static final ZonedDateTime NEXT_MONDAY = MONDAY.plusWeeks(1);

  static List<SlackCall> reminders(TestSlackApp t, String user) {
    return t.dmsTo(user).stream()
        .filter(c -> String.valueOf(c.param("text")).startsWith("Reminder:"))
        .toList();
  }

  /** Advances hour by hour and records when each user's first reminder arrived. */
  static Map<String, Instant> firstReminderTimes(
      TestSlackApp t, ZonedDateTime until, String... users) {
    Map<String, Instant> seen = new java.util.HashMap<>();
    while (t.clock.instant().isBefore(until.toInstant())) {
      t.advanceTo(t.clock.instant().plus(Duration.ofHours(1)).atZone(LA), Duration.ofHours(1));
      for (String user : users) {
        if (!seen.containsKey(user) && !reminders(t, user).isEmpty()) {
          seen.put(user, t.clock.instant());
        }
      }
    }
    return seen;
  }

  @Test
  void each_owner_without_a_check_in_is_reminded_once_at_friday_14_in_their_own_zone() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      Map<String, Instant> at = firstReminderTimes(t, NEXT_MONDAY, "U0AAA1", "U0BBB2", "U0CCC3");

      assertThat(at.get("U0BBB2"))
          .isEqualTo(Instant.parse("2026-11-20T01:00:00Z")); // Fri 14:00 Auckland (UTC+13)
      assertThat(at.get("U0AAA1"))
          .isEqualTo(Instant.parse("2026-11-20T22:00:00Z")); // Fri 14:00 Los Angeles
      assertThat(at.get("U0CCC3"))
          .isEqualTo(Instant.parse("2026-11-21T00:00:00Z")); // Fri 14:00 Honolulu (UTC-10)
      for (String owner : List.of("U0AAA1", "U0BBB2", "U0CCC3")) {
        assertThat(reminders(t, owner)).as(owner).hasSize(1);
      }
    }
  }

  @Test
  void nobody_else_is_pinged_and_nothing_is_posted_in_public() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.advanceTo(NEXT_MONDAY.minusHours(2), Duration.ofHours(1));

      assertThat(t.dmsTo("U0ADMIN1")).isEmpty();
      assertThat(t.dmsTo("U0NOKR")).isEmpty();
      assertThat(t.slack.calls("chat.postMessage"))
          .allSatisfy(c -> assertThat(c.param("channel")).isIn("U0AAA1", "U0BBB2", "U0CCC3"));
    }
  }

  @Test
  void an_owner_who_checked_in_is_not_reminded_and_the_reminder_lists_only_missing_key_results() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));
      t.command("U0BBB2", "/okr-update", "");
      t.submit("U0BBB2", TestSlackApp.checkIn("KR1.2", "ON_TRACK", "70", "7"));
      t.advanceTo(NEXT_MONDAY.minusHours(2), Duration.ofHours(1));

      assertThat(reminders(t, "U0AAA1")).isEmpty();
      String blocks = reminders(t, "U0BBB2").get(0).json("blocks").toString();
      assertThat(blocks)
          .contains("KR2.1", "Update now", OkrListeners.UPDATE_NOW)
          .doesNotContain("KR1.2");
    }
  }

  @Test
  void update_now_opens_the_check_in_modal_for_the_missing_key_result() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.command("U0BBB2", "/okr-update", "");
      t.submit("U0BBB2", TestSlackApp.checkIn("KR1.2", "ON_TRACK", "70", "7"));
      t.advanceTo(MONDAY.plusDays(4).plusHours(9), Duration.ofHours(1));
      t.slack.clear();

      t.requests.clickButton("U0BBB2", OkrListeners.UPDATE_NOW, "2026-W47", "D0BBB2");
      t.settle();

      var view = t.slack.calls("views.open").get(0).json("view");
      assertThat(
              view.path("blocks")
                  .get(1)
                  .path("element")
                  .path("initial_option")
                  .path("value")
                  .asText())
          .isEqualTo("KR2.1");
      t.submit("U0BBB2", TestSlackApp.checkIn("KR2.1", "AT_RISK", "12", "4"));
      assertThat(t.postsTo("C0OKRS")).hasSize(1);
    }
  }

  @Test
  void reminder_is_not_sent_twice_when_two_instances_poll_one_postgres() throws Exception {
    try (TestSlackApp first = TestSlackApp.start(TestDb.POSTGRES, MONDAY);
        TestSlackApp second = first.secondInstance(TestDb.POSTGRES, TestSlackApp.CONFIG)) {
      ZonedDateTime end = NEXT_MONDAY.minusHours(1);
      first.pollTogether(second, end, Duration.ofHours(1));

      for (String owner : List.of("U0AAA1", "U0BBB2", "U0CCC3")) {
        assertThat(reminders(first, owner)).as(owner).hasSize(1);
      }
    }
  }

  @Test
  void a_reminder_missed_while_drumbeat_was_down_is_sent_once_on_restart_in_the_same_week() {
    String url;
    try (TestSlackApp t = TestSlackApp.start(TestDb.POSTGRES, MONDAY)) {
      t.runDue(); // the planner schedules Friday's reminders, then Drumbeat stops
      url = t.database.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    try (TestSlackApp restarted =
        TestSlackApp.restart(TestDb.POSTGRES, url, MONDAY.plusDays(5).plusHours(1))) {
      restarted.runDue();
      restarted.advanceTo(NEXT_MONDAY.minusHours(1), Duration.ofHours(1));

      assertThat(reminders(restarted, "U0BBB2")).hasSize(1);
      assertThat(reminders(restarted, "U0AAA1")).hasSize(1);
    }
  }

  @Test
  void a_reminder_for_a_past_week_is_never_sent() {
    String url;
    try (TestSlackApp t = TestSlackApp.start(TestDb.POSTGRES, MONDAY)) {
      t.runDue();
      url = t.database.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    try (TestSlackApp restarted =
        TestSlackApp.restart(TestDb.POSTGRES, url, NEXT_MONDAY.plusHours(1))) {
      restarted.runDue();

      assertThat(restarted.slack.calls("chat.postMessage"))
          .allSatisfy(c -> assertThat(c.param("channel")).doesNotStartWith("D"));
      assertThat(
              restarted
                  .database
                  .jdbi()
                  .onDemand(OkrRepository.class)
                  .reminderCount("U0BBB2", "2026-W47"))
          .isZero();
    }
  }

  @Test
  void a_rate_limited_dm_is_retried_after_retry_after_and_arrives_once() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.advanceTo(ZonedDateTime.of(2026, 11, 19, 16, 0, 0, 0, LA), Duration.ofHours(1));
      t.slack.failNext(
          "chat.postMessage",
          429,
          Map.of("Retry-After", "1"),
          "{\"ok\":false,\"error\":\"ratelimited\"}");
      t.advanceTo(ZonedDateTime.of(2026, 11, 19, 18, 0, 0, 0, LA), Duration.ofHours(1));

      assertThat(t.dmsTo("U0BBB2")).hasSize(2); // the 429 and the retry
      assertThat(
              t.database.jdbi().onDemand(OkrRepository.class).reminderCount("U0BBB2", "2026-W47"))
          .isEqualTo(1);
    }
  }

  @Test
  void a_server_error_is_retried_and_the_reminder_arrives() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.advanceTo(ZonedDateTime.of(2026, 11, 19, 16, 0, 0, 0, LA), Duration.ofHours(1));
      t.slack.failNext("chat.postMessage", 503, Map.of(), "");
      t.slack.failNext("chat.postMessage", 500, Map.of(), "");
      t.advanceTo(ZonedDateTime.of(2026, 11, 19, 18, 0, 0, 0, LA), Duration.ofMinutes(1));

      assertThat(t.dmsTo("U0BBB2")).hasSize(3);
      assertThat(reminders(t, "U0BBB2")).hasSize(3);
      assertThat(t.dmsTo("U0ADMIN1")).isEmpty();
    }
  }

  @Test
  void a_dm_slack_refuses_is_not_retried_and_is_reported_to_the_admins_once() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.advanceTo(ZonedDateTime.of(2026, 11, 19, 16, 0, 0, 0, LA), Duration.ofHours(1));
      t.slack.failNextWithError("chat.postMessage", "user_disabled");
      t.advanceTo(ZonedDateTime.of(2026, 11, 20, 16, 0, 0, 0, LA), Duration.ofMinutes(30));

      assertThat(reminders(t, "U0BBB2")).hasSize(1);
      assertThat(t.slack.scriptedCalls("chat.postMessage")).hasSize(1);
      assertThat(t.dmsTo("U0ADMIN1"))
          .singleElement()
          .satisfies(
              dm ->
                  assertThat(dm.param("text")).contains("<@U0BBB2>", "user_disabled", "2026-W47"));
    }
  }

  @Test
  void reminders_follow_daylight_saving_time_in_the_owners_zone() {
    String okrs = TestSlackApp.OKRS.replace("FY2027-Q4", "FY2027-Q3");
    ZonedDateTime monday =
        ZonedDateTime.of(2026, 10, 26, 9, 0, 0, 0, LA); // week 2026-W44; US DST ends Sun Nov 1
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, monday, TestSlackApp.CONFIG, okrs)) {
      Map<String, Instant> at = firstReminderTimes(t, monday.plusDays(6), "U0AAA1");

      assertThat(at.get("U0AAA1"))
          .isEqualTo(Instant.parse("2026-10-30T21:00:00Z")); // 14:00 PDT (UTC-7)
      // Week 2026-W44 is also week 13 of FY2027-Q3: the KR retrospective reminder is another DM.
      assertThat(reminders(t, "U0AAA1")).hasSize(1);
    }
  }
}
