package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Daily prompts across instances, downtime and rate limits: each sent once, none lost. */
class DailyReliabilityTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, LA);

  static String urlOf(TestSlackApp t) {
    return t.database
        .jdbi()
        .withHandle(
            h -> {
              try {
                return h.getConnection().getMetaData().getURL();
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @Test
  void prompts_are_sent_once_when_two_instances_poll_one_postgres() throws Exception {
    try (TestSlackApp first =
            TestSlackApp.start(TestDb.POSTGRES, MONDAY, TestSlackApp.DAILY_CONFIG, null);
        TestSlackApp second = first.secondInstance(TestDb.POSTGRES, TestSlackApp.DAILY_CONFIG)) {
      first.pollTogether(second, MONDAY.withHour(17), Duration.ofMinutes(15));
      for (String member : List.of("U0AAA1", "U0CCC3")) {
        assertThat(DailyEndToEndTest.prompts(first, member)).as(member).hasSize(1);
        assertThat(DailyEndToEndTest.reminders(first, member)).as(member).hasSize(1);
      }
    }
  }

  @Test
  void after_downtime_a_prompt_still_due_today_is_sent_once_and_a_past_days_never() {
    String url;
    try (TestSlackApp t =
        TestSlackApp.start(TestDb.POSTGRES, MONDAY, TestSlackApp.DAILY_CONFIG, null)) {
      t.runDue(); // Monday's prompts are scheduled for 09:30, then Drumbeat stops until Tuesday
      url = urlOf(t);
    }
    try (TestSlackApp t =
        TestSlackApp.restart(
            TestDb.POSTGRES, url, MONDAY.plusDays(1).withHour(11), TestSlackApp.DAILY_CONFIG)) {
      t.runDue();
      t.advanceTo(MONDAY.plusDays(1).withHour(12), Duration.ofMinutes(15));

      assertThat(DailyEndToEndTest.prompts(t, "U0AAA1"))
          .singleElement()
          .satisfies(p -> assertThat(p.json("blocks").toString()).contains("Tuesday 24 November"));
      DailyRepository repo = t.database.jdbi().onDemand(DailyRepository.class);
      assertThat(repo.noticeCount("U0AAA1", LocalDate.of(2026, 11, 23), DailyRepository.PROMPT))
          .isZero();
    }
  }

  @Test
  void after_the_reminder_time_the_mornings_missed_prompt_is_not_sent_but_the_reminder_is() {
    try (TestSlackApp t =
        TestSlackApp.start(
            TestDb.H2, MONDAY.withHour(15).withMinute(30), TestSlackApp.DAILY_CONFIG, null)) {
      t.runDue();
      t.advanceTo(MONDAY.withHour(17), Duration.ofMinutes(15));

      assertThat(DailyEndToEndTest.prompts(t, "U0AAA1"))
          .isEmpty(); // 15:00 in Los Angeles has passed
      assertThat(DailyEndToEndTest.reminders(t, "U0AAA1")).hasSize(1);
      assertThat(DailyEndToEndTest.prompts(t, "U0CCC3")).hasSize(1); // 13:30 in Honolulu: still due
    }
  }

  @Test
  void prompting_forty_members_through_rate_limits_loses_none_and_sends_none_twice() {
    List<String> members =
        IntStream.range(0, 40).mapToObj(i -> String.format("U0M%03d", i)).toList();
    String config =
        TestSlackApp.DAILY_CONFIG.replace(
            "members: [U0AAA1, U0BBB2, U0CCC3]", "members: [" + String.join(", ", members) + "]");
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY, config, null)) {
      members.forEach(m -> t.slack.addUser(m, "Member " + m, "America/Los_Angeles"));
      t.advanceTo(MONDAY.withHour(9).withMinute(15), Duration.ofMinutes(15));
      for (int i = 0; i < 3; i++) {
        t.slack.failNext(
            "chat.postMessage",
            429,
            Map.of("Retry-After", "1"),
            "{\"ok\":false,\"error\":\"ratelimited\"}");
      }
      t.advanceTo(MONDAY.withHour(9).withMinute(45), Duration.ofSeconds(1));

      // Every member's DM once, plus the three answered 429 and retried after Retry-After.
      assertThat(t.slack.calls("chat.postMessage"))
          .filteredOn(c -> c.param("channel").startsWith("U0M"))
          .hasSize(members.size() + 3);
      assertThat(t.slack.messages("U0M000")).hasSize(1);
      DailyRepository repo = t.database.jdbi().onDemand(DailyRepository.class);
      for (String m : members) {
        assertThat(t.dmsTo(m)).as(m).isNotEmpty();
        assertThat(repo.noticeCount(m, MONDAY.toLocalDate(), DailyRepository.PROMPT))
            .as(m)
            .isEqualTo(1);
      }
    }
  }
}
