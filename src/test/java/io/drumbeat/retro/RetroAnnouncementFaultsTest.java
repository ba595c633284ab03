package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.drumbeat.TestInstances;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A retro announcement whose redraw fails keeps being redrawn: later changes still reach it, on H2
 * and on two instances over one PostgreSQL.
 */
class RetroAnnouncementFaultsTest {

  static Stream<Arguments> failedRedraws() {
    return Stream.of(TestDb.values())
        .flatMap(db -> Stream.of(arguments(db, "http_503"), arguments(db, "cant_update_message")));
  }

  /** Adds an item: the button is clicked on one instance, the modal submitted to the next. */
  static void addItem(TestInstances drumbeat, String user, String category, String text) {
    TestSlackApp clicked = drumbeat.next();
    long retro = RetroEndToEndTest.retro(clicked).id();
    clicked.requests.clickButton(user, RetroAnnouncement.ADD_ITEM, "" + retro, "C0DIST");
    clicked.settle();
    drumbeat
        .next()
        .submit(
            user,
            new FormValues().select("category", "category", category).text("text", "text", text));
  }

  @ParameterizedTest(name = "{0}, chat.update answered {1}")
  @MethodSource("failedRedraws")
  void after_a_failed_redraw_new_items_and_a_phase_move_end_in_voting_with_the_vote_button(
      TestDb db, String failure) {
    try (TestInstances drumbeat =
        TestInstances.start(db, RetroEndToEndTest.THURSDAY, TestSlackApp.CONFIG)) {
      SlackDouble slack = drumbeat.slack();
      drumbeat.next().command("U0AAA1", "/retro", "start Sprint 42");
      if (failure.equals("http_503")) {
        slack.failNext("chat.update", 503, Map.of(), "");
      } else {
        slack.failNextWithError("chat.update", failure);
      }
      addItem(drumbeat, "U0BBB2", "WINS", "Shipped search");
      drumbeat.advanceTo(
          drumbeat.now().plus(Announcer.ITEM_BATCH).plusSeconds(1), Duration.ofSeconds(1));
      assertThat(slack.scriptedCalls("chat.update")).hasSize(1);

      addItem(drumbeat, "U0CCC3", "NOT_WELL", "Flaky deploys");
      drumbeat.next().command("U0AAA1", "/retro", "vote");
      drumbeat.deliverAll();

      assertThat(slack.messages("C0DIST"))
          .singleElement()
          .satisfies(
              announcement ->
                  assertThat(announcement.blocks())
                      .contains("*Phase:* voting", "*Items:* 2", RetroVoting.VOTE, "Vote")
                      .doesNotContain(RetroAnnouncement.ADD_ITEM));
      // A refusal marks the redraw failed and tells the admins once; a 503 is retried silently.
      assertThat(slack.messageCount("U0ADMIN1")).isEqualTo(failure.equals("http_503") ? 0 : 1);
    }
  }
}
