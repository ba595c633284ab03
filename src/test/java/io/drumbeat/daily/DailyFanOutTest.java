package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.slack.SlackUser;
import io.drumbeat.store.TestDb;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/**
 * A 500-member team prompted by the {@value DailyJobs#PROMPT} tasks through the SDK's
 * rate-limit-aware client while the Slack double answers 429 with Retry-After. It is a warm day:
 * profiles and DM channels are cached, so Tier 3 {@code conversations.open} pacing plays no part.
 * The prompts are scheduled directly (planning is covered by {@link DailyReliabilityTest}) and four
 * instances on one database run them side by side, as a polling scheduler's threads would.
 */
class DailyFanOutTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime PROMPT_TIME = ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, LA);
  static final int MEMBERS = 500;
  static final int INSTANCES = 4;

  @Test
  void prompting_five_hundred_members_through_429s_sends_each_exactly_one_prompt()
      throws Exception {
    List<String> members =
        IntStream.range(0, MEMBERS).mapToObj(i -> String.format("U0F%03d", i)).toList();
    try (TestSlackApp t =
        TestSlackApp.start(TestDb.H2, PROMPT_TIME, TestSlackApp.teamConfig(members), null)) {
      warmDirectory(t, members);
      LocalTime at = PROMPT_TIME.toLocalTime();
      t.app
          .scheduler()
          .client()
          .scheduleBatch(
              members.stream()
                  .<TaskInstance<?>>map(
                      m ->
                          new TaskInstance<Void>(
                              DailyJobs.PROMPT,
                              new DailyDay(m, PROMPT_TIME.toLocalDate(), LA, at, at).instanceId()))
                  .toList(),
              PROMPT_TIME.toInstant());
      // Slack's usual Retry-After is 1 s or more; 0 asks for a retry at once (the SDK re-queues
      // the same request either way) and keeps the test fast.
      t.slack.failNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "");
      t.slack.failNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "");
      t.slack.failEvery("chat.postMessage", 50, 429, Map.of("Retry-After", "0"), "");

      runSideBySide(t, TestSlackApp.teamConfig(members));

      List<SlackCall> refused = t.slack.scriptedCalls("chat.postMessage");
      Map<String, Long> delivered = perChannel(t.slack.calls("chat.postMessage"));
      perChannel(refused).forEach((channel, n) -> delivered.merge(channel, -n, Long::sum));
      assertThat(refused).hasSizeGreaterThanOrEqualTo(2 + MEMBERS / 50);
      assertThat(delivered).isEqualTo(members.stream().collect(Collectors.toMap(m -> m, m -> 1L)));
      assertThat(count(t, "select count(*) from daily_notice where kind = 'PROMPT'"))
          .isEqualTo(MEMBERS);
      assertThat(t.slack.calls("conversations.open")).isEmpty();
    }
  }

  /**
   * Runs due jobs and deliveries on {@value #INSTANCES} instances at once, their clocks moving a
   * second at a time (paced posts, Retry-After), until no prompt and no delivery is left.
   */
  static void runSideBySide(TestSlackApp t, String config) throws Exception {
    List<TestSlackApp> others = new ArrayList<>();
    ExecutorService pollers = Executors.newFixedThreadPool(INSTANCES);
    try {
      List<Callable<Void>> polls = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        TestSlackApp instance = i == 0 ? t : t.secondInstance(TestDb.H2, config);
        others.add(instance);
        polls.add(
            () -> {
              instance.runDue();
              return null;
            });
      }
      for (int second = 0;
          second < 300 && (promptsLeft(t) > 0 || deliveriesLeft(t) > 0);
          second++) {
        for (Future<Void> poll : pollers.invokeAll(polls)) {
          poll.get();
        }
        others.forEach(o -> o.clock.tick(java.time.Duration.ofSeconds(1)));
      }
    } finally {
      pollers.shutdown();
      others.stream().filter(o -> o != t).forEach(TestSlackApp::close);
    }
  }

  /** Caches every member's profile and DM channel, as after an earlier day. */
  static void warmDirectory(TestSlackApp t, List<String> members) {
    t.database
        .jdbi()
        .useHandle(
            h -> {
              PreparedBatch batch =
                  h.prepareBatch(
                      "insert into slack_user (user_id, real_name, tz, dm_channel, fetched_at,"
                          + " avatar_url, is_bot) values (:userId, :realName, :tz, :dmChannel,"
                          + " :fetchedAt, :avatarUrl, :isBot)");
              for (String m : members) {
                t.slack.addUser(m, "Member " + m, LA.getId());
                SlackUser user =
                    new SlackUser(m, m, LA.getId(), dm(m), t.clock.instant(), null, false);
                batch.bindMethods(user).add();
              }
              batch.execute();
            });
  }

  static String dm(String member) {
    return "D" + member.substring(1);
  }

  static Map<String, Long> perChannel(List<SlackCall> calls) {
    return calls.stream()
        .collect(Collectors.groupingBy(c -> c.param("channel"), Collectors.counting()));
  }

  static int deliveriesLeft(TestSlackApp t) {
    return count(t, "select count(*) from outbox where state = 'PENDING'");
  }

  static int promptsLeft(TestSlackApp t) {
    return count(t, "select count(*) from scheduled_tasks where task_name = 'daily-prompt'");
  }

  static int count(TestSlackApp t, String sql) {
    return t.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
