package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Daily updates through the real Jetty endpoint: prompt, button, modal, post, edit, reminder. */
class DailyEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY_EARLY = ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, LA);
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  TestSlackApp start(ZonedDateTime at) {
    return start(at, Transport.HTTP);
  }

  TestSlackApp start(ZonedDateTime at, Transport transport) {
    t = TestSlackApp.start(TestDb.H2, at, TestSlackApp.DAILY_CONFIG, null, transport);
    return t;
  }

  static List<SlackCall> prompts(TestSlackApp t, String user) {
    return t.dmsTo(user).stream()
        .filter(c -> "Time for your daily update".equals(c.param("text")))
        .toList();
  }

  static List<SlackCall> reminders(TestSlackApp t, String user) {
    return t.dmsTo(user).stream()
        .filter(c -> "Daily update reminder".equals(c.param("text")))
        .toList();
  }

  static FormValues update(String yesterday, String next, String blockers) {
    FormValues v = new FormValues().text("yesterday", "text", yesterday);
    if (next != null) {
      v.text("next", "text", next);
    }
    return blockers == null ? v : v.text("blockers", "text", blockers);
  }

  /** Advances in 15-minute steps and records when each user's first prompt arrived. */
  static Map<String, Instant> firstPrompts(TestSlackApp t, ZonedDateTime until, String... users) {
    Map<String, Instant> seen = new HashMap<>();
    while (t.clock.instant().isBefore(until.toInstant())) {
      t.advanceTo(
          t.clock.instant().plus(Duration.ofMinutes(15)).atZone(LA), Duration.ofMinutes(15));
      for (String user : users) {
        if (!seen.containsKey(user) && !prompts(t, user).isEmpty()) {
          seen.put(user, t.clock.instant());
        }
      }
    }
    return seen;
  }

  @Test
  void each_member_is_prompted_privately_once_at_the_earliest_team_time_in_their_own_zone() {
    start(MONDAY_EARLY.minusDays(1));
    Map<String, Instant> at =
        firstPrompts(t, MONDAY_EARLY.plusHours(23), "U0AAA1", "U0BBB2", "U0CCC3");

    assertThat(at.get("U0AAA1"))
        .isEqualTo(Instant.parse("2026-11-23T17:30:00Z")); // 09:30 Los Angeles
    assertThat(at.get("U0CCC3")).isEqualTo(Instant.parse("2026-11-23T19:30:00Z")); // 09:30 Honolulu
    assertThat(at.get("U0BBB2"))
        .isEqualTo(Instant.parse("2026-11-22T20:30:00Z")); // Mon 09:30 Auckland
    assertThat(prompts(t, "U0AAA1")).hasSize(1); // in two teams, prompted once
    assertThat(t.postsTo("C0DIST")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void prompt_button_modal_and_submission_post_the_update_in_the_handbook_format_to_every_team(
      Transport transport) {
    start(MONDAY_EARLY.withHour(9).withMinute(40), transport);
    t.runDue();
    t.requests.clickButton("U0AAA1", DailyNotices.WRITE, "2026-11-23", "D0AAA1");
    t.settle();
    assertThat(t.lastView().path("callback_id").asText()).isEqualTo(DailyModal.CALLBACK_ID);

    HttpResponse<String> response =
        t.submit(
            "U0AAA1",
            update(
                "Helped a customer with search scaling\n- Opened a PR https://github.com/x/y/pull/9330",
                "Regression suite",
                null));

    assertThat(response.body()).isEmpty();
    for (String channel : List.of("C0DIST", "C0PAYMENTS")) {
      String text = t.postsTo(channel).get(0).json("blocks").toString();
      assertThat(text)
          .contains(
              "<@U0AAA1>",
              "*Update:*\\n• Helped a customer with search scaling\\n"
                  + "• Opened a PR https://github.com/x/y/pull/9330",
              "*Next:*\\n• Regression suite")
          .doesNotContain("Blockers");
    }
  }

  @Test
  void submitting_again_the_same_day_edits_the_posts_and_never_posts_twice() {
    start(MONDAY_EARLY.withHour(11));
    t.command("U0AAA1", "/daily-update", "");
    t.submit("U0AAA1", update("First draft", null, null));
    t.command("U0AAA1", "/daily-update", "");
    assertThat(t.lastView().path("blocks").toString()).contains("First draft");
    t.submit("U0AAA1", update("Final words", null, "Waiting on review"));

    assertThat(t.postsTo("C0DIST")).hasSize(1);
    assertThat(t.postsTo("C0PAYMENTS")).hasSize(1);
    assertThat(t.slack.calls("chat.update"))
        .hasSize(2)
        .allSatisfy(
            u -> assertThat(u.json("blocks").toString()).contains("Final words", "*Blockers:*"));
  }

  @Test
  void an_update_typed_with_here_pings_nobody() {
    start(MONDAY_EARLY.withHour(11));
    t.command("U0BBB2", "/daily-update", "");
    t.submit("U0BBB2", update("Told <!here> & <!channel> about it", null, null));

    assertThat(t.postsTo("C0DIST").get(0).json("blocks").toString())
        .contains("Told &lt;!here&gt; &amp; &lt;!channel&gt; about it")
        .doesNotContain("<!here>");
  }

  @Test
  void an_empty_update_gets_a_field_error_and_nothing_is_posted() {
    start(MONDAY_EARLY.withHour(11));
    t.command("U0AAA1", "/daily-update", "");
    HttpResponse<String> response = t.submit("U0AAA1", update("  \n - \n", null, null));

    assertThat(response.body()).contains("\"response_action\":\"errors\"", "\"yesterday\":");
    assertThat(t.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void only_members_who_have_not_posted_get_the_afternoon_reminder() {
    start(MONDAY_EARLY.withHour(9));
    t.advanceTo(MONDAY_EARLY.withHour(12), Duration.ofMinutes(15));
    t.command("U0CCC3", "/daily-update", "");
    t.submit("U0CCC3", update("Shipped", null, null));
    t.advanceTo(MONDAY_EARLY.withHour(23), Duration.ofMinutes(15));

    assertThat(reminders(t, "U0AAA1")).hasSize(1);
    assertThat(reminders(t, "U0CCC3")).isEmpty();
    assertThat(t.slack.calls("chat.postMessage"))
        .filteredOn(c -> c.param("channel").startsWith("C"))
        .allSatisfy(c -> assertThat(c.json("blocks").toString()).contains("Shipped"));
  }

  @Test
  void out_of_office_members_get_no_prompt_or_reminder_until_they_are_back() {
    start(MONDAY_EARLY.minusDays(1));
    HttpResponse<String> set = t.command("U0AAA1", "/daily-update", "ooo 2026-11-23 2026-11-24");
    assertThat(set.body()).contains("out of office from Mon 23 Nov 2026 to Tue 24 Nov 2026");
    assertThat(t.command("U0AAA1", "/daily-update", "ooo").body()).contains("Tue 24 Nov 2026");

    t.advanceTo(MONDAY_EARLY.plusDays(2).withHour(12), Duration.ofMinutes(30));

    assertThat(prompts(t, "U0AAA1")).hasSize(1); // Wednesday only
    assertThat(reminders(t, "U0AAA1")).isEmpty();
    assertThat(prompts(t, "U0CCC3")).hasSize(3);
    assertThat(t.command("U0AAA1", "/daily-update", "ooo off").body()).contains("Welcome back");
  }

  @Test
  void a_bad_out_of_office_range_is_explained() {
    start(MONDAY_EARLY.withHour(9));
    assertThat(t.command("U0AAA1", "/daily-update", "ooo 2026-12-24 2026-12-21").body())
        .contains("2026-12-21 is before 2026-12-24", "Usage");
    assertThat(t.command("U0AAA1", "/daily-update", "ooo tomorrow").body()).contains("Usage");
  }

  @Test
  void nobody_is_prompted_on_a_holiday_or_a_weekend() {
    start(ZonedDateTime.of(2026, 11, 26, 0, 0, 0, 0, LA)); // Thanksgiving, a holiday in the config
    t.advanceTo(ZonedDateTime.of(2026, 11, 29, 23, 0, 0, 0, LA), Duration.ofMinutes(30));

    assertThat(prompts(t, "U0AAA1")).hasSize(1); // Friday 27th only
    assertThat(prompts(t, "U0CCC3")).hasSize(1);
  }

  @Test
  void prompts_follow_a_daylight_saving_change_in_the_members_zone() {
    // New Zealand moves from UTC+12 to UTC+13 on Sunday 2026-09-27.
    start(ZonedDateTime.of(2026, 9, 24, 0, 0, 0, 0, LA));
    List<Instant> sam = new java.util.ArrayList<>();
    List<Instant> rosa = new java.util.ArrayList<>();
    while (t.clock.instant().isBefore(Instant.parse("2026-09-28T20:00:00Z"))) {
      t.advanceTo(
          t.clock.instant().plus(Duration.ofMinutes(30)).atZone(LA), Duration.ofMinutes(30));
      if (prompts(t, "U0BBB2").size() > sam.size()) {
        sam.add(t.clock.instant());
      }
      if (prompts(t, "U0CCC3").size() > rosa.size()) {
        rosa.add(t.clock.instant());
      }
    }
    assertThat(sam)
        .containsExactly(
            Instant.parse("2026-09-24T21:30:00Z"), // Fri 09:30 NZST (+12)
            Instant.parse("2026-09-27T20:30:00Z")); // Mon 09:30 NZDT (+13)
    assertThat(rosa)
        .containsExactly(
            Instant.parse("2026-09-24T19:30:00Z"), // Thu 09:30 HST (-10)
            Instant.parse("2026-09-25T19:30:00Z"),
            Instant.parse("2026-09-28T19:30:00Z"));
  }
}
