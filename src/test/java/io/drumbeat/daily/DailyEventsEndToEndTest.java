package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.SlackEvents;
import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events API events that change who is prompted when: {@code user_change}, channel members. */
class DailyEventsEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, LA);
  static final String FOLLOWING =
      """
      timezone: America/Los_Angeles
      fiscalYearStartMonth: 2
      admins: [U0ADMIN1]
      teams:
        - id: distribution
          channel: "#distributioneers"
          dailyPrompt: "09:30"
      okr:
        digestChannel: "#vp-sync"
      """;
  TestSlackApp t;
  TestSlackApp second;

  @AfterEach
  void stop() {
    if (second != null) {
      second.close();
    }
    if (t != null) {
      t.close();
    }
  }

  static List<?> prompts(TestSlackApp t, String user) {
    return DailyEndToEndTest.prompts(t, user);
  }

  List<String> team(TestSlackApp app) {
    return app.database
        .jdbi()
        .withHandle(h -> h.attach(RosterRepository.class).members("distribution"));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void a_member_who_moves_zone_gets_todays_prompt_at_the_new_local_time(Transport transport) {
    t =
        TestSlackApp.start(
            TestDb.H2, MONDAY, TestSlackApp.teamConfig(List.of("U0AAA1")), null, transport);
    t.runDue(); // profiles read, today planned: 09:30 in Los Angeles
    t.slack.addUser("U0AAA1", "Avery Chen-Park", "America/New_York");

    assertThat(
            t.requests
                .event(
                    SlackEvents.userChange("U0AAA1", "Avery Chen-Park", "America/New_York"),
                    "Ev0MOVE1",
                    0)
                .statusCode())
        .isEqualTo(200);

    t.advanceTo(MONDAY.withHour(6).withMinute(15), Duration.ofMinutes(15));
    assertThat(prompts(t, "U0AAA1")).isEmpty();
    t.advanceTo(MONDAY.withHour(6).withMinute(30), Duration.ofMinutes(15)); // 09:30 in New York
    assertThat(prompts(t, "U0AAA1")).hasSize(1);
    t.advanceTo(MONDAY.withHour(10), Duration.ofMinutes(15));
    assertThat(prompts(t, "U0AAA1")).as("prompted once").hasSize(1);
    String name =
        t.database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select real_name from slack_user where user_id = 'U0AAA1'")
                        .mapTo(String.class)
                        .one());
    assertThat(name).isEqualTo("Avery Chen-Park");
  }

  @Test
  void a_redelivered_user_change_is_handled_once_and_cannot_undo_a_later_change() {
    t = TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.teamConfig(List.of("U0AAA1")), null);
    t.runDue();

    t.requests.event(SlackEvents.userChange("U0AAA1", "Avery", "America/New_York"), "Ev0A", 0);
    t.requests.event(SlackEvents.userChange("U0AAA1", "Avery", "Europe/Berlin"), "Ev0B", 0);
    assertThat(
            t.requests
                .event(SlackEvents.userChange("U0AAA1", "Avery", "America/New_York"), "Ev0A", 1)
                .statusCode())
        .isEqualTo(200);

    String tz =
        t.database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select tz from slack_user where user_id = 'U0AAA1'")
                        .mapTo(String.class)
                        .one());
    assertThat(tz).isEqualTo("Europe/Berlin");
    t.advanceTo(MONDAY.withHour(1).withMinute(30), Duration.ofMinutes(15)); // 09:30 in Berlin
    assertThat(prompts(t, "U0AAA1")).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void member_joined_channel_adds_a_member_to_a_channel_following_team_and_left_removes_them(
      Transport transport) {
    t = TestSlackApp.start(TestDb.H2, MONDAY, FOLLOWING, null, transport);
    t.slack.addMember("C0DIST", "U0AAA1");
    t.runDue(); // the roster is read: only Avery
    assertThat(team(t)).containsExactly("U0AAA1");

    t.slack.addMember("C0DIST", "U0CCC3"); // as the hourly conversations.members will also see
    t.requests.event(SlackEvents.memberJoined("U0CCC3", "C0DIST"), "Ev0JOIN", 0);
    assertThat(team(t)).containsExactly("U0AAA1", "U0CCC3");
    assertThat(t.slack.calls("conversations.members")).as("no Slack call").hasSize(1);
    t.advanceTo(MONDAY.withHour(12).withMinute(45), Duration.ofMinutes(15)); // 09:30 Honolulu
    assertThat(prompts(t, "U0CCC3")).hasSize(1);

    t.requests.event(SlackEvents.memberLeft("U0AAA1", "C0DIST"), "Ev0LEFT", 0);
    assertThat(team(t)).containsExactly("U0CCC3");
  }

  @Test
  void the_same_event_delivered_to_two_instances_on_one_postgresql_is_handled_once() {
    t = TestSlackApp.start(TestDb.POSTGRES, MONDAY, FOLLOWING, null);
    t.slack.addMember("C0DIST", "U0AAA1");
    t.runDue();
    second = t.secondInstance(TestDb.POSTGRES, FOLLOWING);

    t.requests.event(SlackEvents.memberJoined("U0CCC3", "C0DIST"), "Ev0JOIN", 0);
    t.requests.event(SlackEvents.memberLeft("U0CCC3", "C0DIST"), "Ev0LEFT", 0);
    assertThat(
            second
                .requests
                .event(SlackEvents.memberJoined("U0CCC3", "C0DIST"), "Ev0JOIN", 1)
                .statusCode())
        .isEqualTo(200);

    assertThat(team(second)).containsExactly("U0AAA1");
    assertThat(team(t)).containsExactly("U0AAA1");
  }
}
