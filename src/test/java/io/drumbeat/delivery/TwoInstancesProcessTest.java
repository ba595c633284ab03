package io.drumbeat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.cli.ServeInstance;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SignedRequests;
import io.drumbeat.demo.StoredMessage;
import io.drumbeat.store.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code drumbeat serve} instances in child JVMs on one PostgreSQL database, taking Slack's
 * requests in turn, one of them crashed with {@code kill -9} in the middle of a 500-member fan-out
 * (just after acking a daily update) and started again: every DM, post and redraw lands exactly
 * once. The same faults on one instance over H2: {@link CrashRecoveryProcessTest}.
 */
class TwoInstancesProcessTest {
  static final String FACILITATOR = "U0F0001";

  /** Members who write their update while the prompts go out (they are prompted first). */
  static final List<String> WRITERS =
      List.of("U0F0002", "U0F0003", "U0F0004", "U0F0005", "U0F0006");

  @TempDir Path dir;

  /** The retro id carried by the announcement's "Add item" button. */
  static String retroId(StoredMessage announcement) {
    for (JsonNode block : announcement.blocksJson()) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("action_id").asText().equals("retro_add_item")) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no Add item button on " + announcement.blocks());
  }

  /** The update of {@code writer} as posted in the team channel, if it is. */
  static List<StoredMessage> postsOf(ServeFixture f, String writer) {
    return f.slack.messages("C0DIST").stream()
        .filter(m -> m.blocks().contains("Notes of " + writer))
        .toList();
  }

  @Test
  void one_of_two_instances_killed_mid_fan_out_sends_every_dm_post_and_redraw_exactly_once()
      throws Exception {
    try (ServeFixture f = new ServeFixture(TestDb.POSTGRES, dir, ServeFixture.members(500))) {
      List<ServeInstance> up = f.startTogether("a", "b");
      SignedRequests a = f.requests(up.get(0));
      SignedRequests b = f.requests(up.get(1));
      b.command(FACILITATOR, "/retro", "start Sprint 42", "C0RETROS");
      a.command(ServeFixture.ADMIN, "/drumbeat", "prompt daily now", "C0DIST");
      ServeInstance.awaitAll(
          "the writers are prompted and the retro is announced",
          CrashRecoveryProcessTest.LONG,
          () ->
              WRITERS.stream().allMatch(w -> f.slack.messageCount(w) > 0)
                  && f.slack.messageCount("C0RETROS") > 0,
          up);
      String retro = retroId(f.slack.messages("C0RETROS").get(0));
      for (int i = 0; i < 3; i++) {
        SignedRequests one = i % 2 == 0 ? a : b;
        SignedRequests other = i % 2 == 0 ? b : a;
        f.writeUpdate(one, other, WRITERS.get(i), "Notes of " + WRITERS.get(i));
        other.clickButton(WRITERS.get(i), "retro_add_item", retro, "C0RETROS");
        one.submitView(
            WRITERS.get(i),
            f.slack.lastView(),
            new FormValues().select("category", "category", "WINS").text("text", "text", "Item"));
      }
      f.awaitPosts(240);
      f.writeUpdate(a, a, WRITERS.get(3), "Notes of " + WRITERS.get(3));
      f.killWhilePosting(up.get(0), 250, 12);
      // Writer 3's post may be waiting, held (made, its answer lost with the victim) or done:
      // whichever it is, it must end up posted exactly once (below).
      assertThat(postsOf(f, WRITERS.get(3))).as("posted before the crash").hasSizeLessThan(2);

      b.command(FACILITATOR, "/retro", "vote", "C0RETROS");
      ServeInstance restarted = f.start("restarted");
      f.writeUpdate(f.requests(restarted), b, WRITERS.get(4), "Notes of " + WRITERS.get(4));
      List<ServeInstance> running = List.of(restarted, up.get(1));
      ServeInstance.awaitAll(
          "every member has a prompt and the outbox is empty",
          CrashRecoveryProcessTest.LONG,
          () -> f.everyMemberHasAMessage() && f.outbox.drained(),
          running);
      ServeFixture.terminateAll(running, CrashRecoveryProcessTest.SHUTDOWN);

      assertThat(f.members).allSatisfy(m -> assertThat(f.slack.messageCount(m)).as(m).isOne());
      assertThat(f.slack.messageCount("C0DIST")).isEqualTo(WRITERS.size());
      assertThat(WRITERS).allSatisfy(w -> assertThat(postsOf(f, w)).as(w).hasSize(1));
      assertThat(f.slack.messages("C0RETROS"))
          .singleElement()
          .satisfies(
              announcement ->
                  assertThat(announcement.blocks())
                      .contains("*Phase:* voting", "*Items:* 3", "retro_vote"));
      assertThat(f.slack.messageCount(ServeFixture.ADMIN)).as("failures told to admins").isZero();
      assertThat(f.outbox.counts().other()).as("failed or expired deliveries").isZero();
    }
  }
}
