package io.drumbeat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.cli.ServeInstance;
import io.drumbeat.demo.SignedRequests;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code drumbeat serve} in a child JVM, crashed with {@code kill -9} or stopped with SIGTERM while
 * it delivers, then started again on the same database: every message once, none lost. The same
 * faults on two instances sharing a PostgreSQL database: {@link TwoInstancesProcessTest}.
 */
class CrashRecoveryProcessTest {
  /** The longest a SIGTERM may take: the HTTP server's 5 s, then the scheduler's 15 s. */
  static final Duration SHUTDOWN = Duration.ofSeconds(20);

  static final Duration LONG = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  void a_500_member_fan_out_and_an_acked_update_killed_midway_are_delivered_once_after_a_restart()
      throws Exception {
    try (ServeFixture f = new ServeFixture(TestDb.H2, dir, ServeFixture.members(500))) {
      ServeInstance first = f.start("first");
      SignedRequests requests = f.requests(first);
      f.promptEveryone(first);
      f.awaitPosts(240);
      // Acked, but its post waits for a slot behind the prompts still to go.
      HttpResponse<String> ack =
          f.writeUpdate(requests, requests, "U0F0001", "Shipped the importer");
      assertThat(ack.statusCode()).isEqualTo(200);
      f.killWhilePosting(first, 250, 3);
      assertThat(f.slack.messageCount("C0DIST")).as("update posted before the crash").isZero();
      OutboxProbe.Counts atCrash = f.outbox.counts();
      assertThat(atCrash.inDoubt()).as("posts made whose answers were lost").isPositive();

      ServeInstance second = f.start("second");
      second.await(
          "every member has a prompt, the update is posted and every lost answer was looked for",
          LONG,
          () ->
              f.everyMemberHasAMessage()
                  && f.slack.messageCount("C0DIST") > 0
                  && f.slack.calls("conversations.history").size() >= atCrash.inDoubt()
                  // the writer's Home redraw, recorded with the post, comes after it
                  && f.slack.calls("views.publish").stream()
                      .anyMatch(c -> "U0F0001".equals(c.param("user_id"))));
      second.terminate(SHUTDOWN);

      assertThat(f.outbox.pending()).isEmpty();
      assertThat(f.members).allSatisfy(m -> assertThat(f.slack.messageCount(m)).as(m).isOne());
      assertThat(f.slack.messages("U0F0500").get(0).text()).isEqualTo("Time for your daily update");
      assertThat(f.slack.messages("C0DIST"))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.blocksJson().toString())
                      .contains("<@U0F0001>", "Shipped the importer"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void sigterm_during_a_fan_out_exits_in_time_and_the_rest_is_delivered_once_after_the_next_start(
      TestDb db) throws Exception {
    try (ServeFixture f = new ServeFixture(db, dir, ServeFixture.members(120))) {
      ServeInstance first = f.start("first");
      f.promptEveryone(first);
      f.awaitPosts(80); // past the first burst
      // The calls in flight when the SIGTERM comes take 2 s to answer: they are waited for.
      f.slack.delayAnswers("chat.postMessage", Duration.ofSeconds(2));
      f.awaitPosts(f.slack.calls("chat.postMessage").size() + 2);
      Duration stopped = first.terminate(SHUTDOWN);
      f.slack.delayAnswers("chat.postMessage", Duration.ZERO);

      assertThat(first.log()).as("what it logged").doesNotContain("[ERROR]", "Unhandled exception");
      assertThat(f.outbox.pending())
          .as("prompts left in the outbox, none in doubt")
          .isNotEmpty()
          .hasSize((int) f.members.stream().filter(m -> f.slack.messageCount(m) == 0).count())
          .allSatisfy(
              row -> assertThat(row).startsWith("daily-prompt:").contains("in doubt: false"));

      ServeInstance next = f.start("next");
      next.await("every member has a prompt", LONG, f::everyMemberHasAMessage);
      next.terminate(SHUTDOWN);

      assertThat(f.outbox.pending()).isEmpty();
      assertThat(f.members).allSatisfy(m -> assertThat(f.slack.messageCount(m)).as(m).isOne());
      System.out.println(db + ": SIGTERM during a fan-out took " + stopped.toMillis() + " ms");
    }
  }
}
