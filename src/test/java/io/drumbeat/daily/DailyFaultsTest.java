package io.drumbeat.daily;

import static io.drumbeat.daily.DailyEndToEndTest.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestInstances;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Daily updates through Slack's faults, on H2 and on two instances over one PostgreSQL: an outage
 * while an update is posted, an answer lost to the read timeout, a failed read of a team channel's
 * members. Each message lands exactly once.
 */
class DailyFaultsTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, LA);

  /** One team that follows its channel (no {@code members:}), prompted 09:30, reminded 15:00. */
  static final String CHANNEL_TEAM =
      """
      timezone: America/Los_Angeles
      admins: [U0ADMIN1]
      teams:
        - id: distribution
          channel: "#distributioneers"
          dailyPrompt: "09:30"
          dailyReminder: "15:00"
      okr:
        digestChannel: "#vp-sync"
      """;

  static List<SlackCall> postsTo(SlackDouble slack, String channel) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_update_posted_during_a_minute_of_503_appears_once_after_slack_recovers(TestDb db) {
    try (TestInstances drumbeat =
        TestInstances.start(db, MONDAY.withHour(10), TestSlackApp.DAILY_CONFIG)) {
      SlackDouble slack = drumbeat.slack();
      drumbeat.next().command("U0CCC3", "/daily-update", "");
      Instant recovered = drumbeat.now().plusSeconds(60);
      slack.failUntil("chat.postMessage", 503, recovered);

      drumbeat.next().submit("U0CCC3", update("Fixed the flaky deploy", null, null));
      drumbeat.advanceTo(recovered, Duration.ofSeconds(5)); // retried with backoff meanwhile
      drumbeat.deliverAll();

      assertThat(slack.messages("C0DIST"))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.blocksJson().toString())
                      .contains("<@U0CCC3>", "Fixed the flaky deploy"));
      assertThat(slack.scriptedCalls("chat.postMessage"))
          .filteredOn(c -> c.param("channel").equals("C0DIST"))
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.receivedAt()).isBefore(recovered));
      assertThat(postsTo(slack, "C0DIST"))
          .filteredOn(c -> !c.receivedAt().isBefore(recovered))
          .hasSize(1);
      // Avery's prompt, due at 09:30, went out in the same outage: once too.
      assertThat(slack.messageCount("U0AAA1")).isOne();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_post_whose_answer_comes_after_the_read_timeout_is_found_in_history_not_posted_twice(
      TestDb db) {
    try (TestInstances drumbeat =
        TestInstances.start(
            db, MONDAY, TestSlackApp.DAILY_CONFIG, w -> w.slackTimeout(Duration.ofSeconds(1)))) {
      SlackDouble slack = drumbeat.slack();
      drumbeat.next().command("U0CCC3", "/daily-update", "");
      slack.delayAnswers("chat.postMessage", Duration.ofSeconds(2));

      drumbeat.next().submit("U0CCC3", update("Reviewed the runbook", null, null));
      drumbeat.deliverAll();

      assertThat(slack.messages("C0DIST"))
          .singleElement()
          .satisfies(m -> assertThat(m.blocks()).contains("Reviewed the runbook"));
      assertThat(postsTo(slack, "C0DIST")).hasSize(1);
      assertThat(slack.calls("conversations.history"))
          .anySatisfy(c -> assertThat(c.param("channel")).isEqualTo("C0DIST"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_failed_read_of_the_channel_members_keeps_the_team_and_is_retried(TestDb db) {
    try (TestInstances drumbeat = TestInstances.start(db, MONDAY, CHANNEL_TEAM)) {
      SlackDouble slack = drumbeat.slack();
      List<String> members = List.of("U0AAA1", "U0BBB2", "U0CCC3");
      members.forEach(m -> slack.addMember("C0DIST", m));
      // The roster is read at start-up, then hourly. (On one instance here: two first reads at
      // the same moment can conflict in team_member, which makes one of them fail and retry.)
      drumbeat.first().runDue();
      int read = slack.calls("conversations.members").size();
      // conversations.members answers 503 for a second: longer than the client's own retries.
      Instant hourly = drumbeat.now().plus(DailyJobs.ROSTER_EVERY);
      slack.failUntil("conversations.members", 503, hourly.plusSeconds(1));
      drumbeat.advanceTo(hourly, Duration.ofMinutes(5));
      slack.addUser("U0NEW1", "Nia Newman", "America/Los_Angeles");
      slack.addMember("C0DIST", "U0NEW1");

      drumbeat.next().command("U0ADMIN1", "/drumbeat", "prompt daily now");

      assertThat(members).allSatisfy(m -> assertThat(slack.messageCount(m)).as(m).isOne());
      assertThat(slack.messageCount("U0NEW1")).isZero();
      int failed = slack.scriptedCalls("conversations.members").size();
      assertThat(failed).isPositive();

      // The failed read is retried within seconds, not in an hour: Nia is in the team.
      // (Each instance reads the stored members again after DailyRoster.CACHED_FOR.)
      Instant later = drumbeat.now().plus(DailyRoster.CACHED_FOR).plusSeconds(1);
      drumbeat.advanceTo(later, Duration.ofSeconds(1));
      drumbeat.next().command("U0ADMIN1", "/drumbeat", "prompt daily now");

      // Read at start-up, the failed read, read again.
      assertThat(slack.calls("conversations.members")).hasSize(read + failed + 1);
      assertThat(members).allSatisfy(m -> assertThat(slack.messageCount(m)).as(m).isOne());
      assertThat(slack.messageCount("U0NEW1")).isOne();
    }
  }
}
