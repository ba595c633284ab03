package io.drumbeat.retro;

import static io.drumbeat.retro.RetroScenes.action;
import static io.drumbeat.retro.RetroScenes.item;
import static io.drumbeat.retro.RetroScenes.retroIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every retro form Slack sends twice (a replay within five minutes, or a resubmit after a slow ack)
 * changes nothing the second time, even after a later submission: items, edits, action items with
 * their owner's DM, and ballots.
 */
class RetroReplayedSubmissionsTest {
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  /** Submits {@code view} as {@code user} exactly as Slack sent it before; returns the answer. */
  HttpResponse<String> replay(String user, JsonNode view, FormValues values) {
    HttpResponse<String> response = t.requests.submitView(user, view, values);
    t.settle();
    return response;
  }

  int chatCalls() {
    return (int) t.slack.calls().stream().filter(c -> c.method().startsWith("chat.")).count();
  }

  RetroRepository repo() {
    return t.database.jdbi().onDemand(RetroRepository.class);
  }

  @Test
  void an_item_submitted_twice_is_stored_once() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");
    t.requests.clickButton(
        "U0BBB2", RetroAnnouncement.ADD_ITEM, "" + retroIn(t, "C0DIST").id(), "C0DIST");
    t.settle();
    JsonNode form = t.lastView();

    var first = t.submit("U0BBB2", item("WINS", "Fast CI"));
    var again = replay("U0BBB2", form, item("WINS", "Fast CI"));
    t.deliverAll();

    assertThat(again.body()).isEqualTo(first.body());
    assertThat(repo().items(retroIn(t, "C0DIST").id()))
        .extracting(RetroItem::text)
        .containsExactly("Fast CI");
    assertThat(t.slack.calls("chat.update")).hasSize(1);
  }

  @Test
  void an_edit_replayed_after_a_later_edit_changes_nothing() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42 --named");
    RetroScenes.addItem(t, "U0BBB2", "C0DIST", "WINS", "Draft");
    Retro retro = retroIn(t, "C0DIST");

    t.requests.clickButton("U0BBB2", RetroAnnouncement.MY_ITEMS, "" + retro.id(), "C0DIST");
    t.settle();
    String edit = editValue(t.lastView());
    RetroItemsEndToEndTest.clickInView(t, "U0BBB2", MyItemsModal.EDIT, edit);
    JsonNode firstEdit = t.lastView();
    t.submit("U0BBB2", item("WINS", "Second"));
    t.requests.clickButton("U0BBB2", RetroAnnouncement.MY_ITEMS, "" + retro.id(), "C0DIST");
    t.settle();
    RetroItemsEndToEndTest.clickInView(t, "U0BBB2", MyItemsModal.EDIT, edit);
    t.submit("U0BBB2", item("WINS", "Third"));

    replay("U0BBB2", firstEdit, item("WINS", "Second"));

    assertThat(repo().items(retro.id())).extracting(RetroItem::text).containsExactly("Third");
  }

  /** The value of the first "Edit" button of the "My items" modal {@code view}. */
  static String editValue(JsonNode view) {
    for (JsonNode block : view.path("blocks")) {
      if (MyItemsModal.EDIT.equals(block.path("accessory").path("action_id").asText())) {
        return block.path("accessory").path("value").asText();
      }
    }
    throw new AssertionError("no Edit button in " + view);
  }

  @Test
  void an_action_item_submitted_twice_is_recorded_once_and_its_owner_gets_one_dm() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");
    t.requests.clickButton(
        "U0AAA1", RetroAnnouncement.ADD_ACTION, "" + retroIn(t, "C0DIST").id(), "C0DIST");
    t.settle();
    JsonNode form = t.lastView();

    t.submit("U0AAA1", action("Fix the flaky test", "U0CCC3"));
    replay("U0AAA1", form, action("Fix the flaky test", "U0CCC3"));
    t.deliverAll();

    assertThat(
            t.database.jdbi().onDemand(ActionRepository.class).ofRetro(retroIn(t, "C0DIST").id()))
        .hasSize(1);
    assertThat(t.dmsTo("U0CCC3")).hasSize(1);
  }

  @Test
  void a_ballot_replayed_after_a_later_ballot_changes_no_vote() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    VotingDriver d = new VotingDriver(t);
    Retro retro = d.voting(VotingDriver.CHANNEL, 1, VotingDriver.texts(2, "item"));
    d.clickVote("U0AAA1", retro);
    JsonNode firstBallot = t.lastView();
    List<RetroScenes.Option> options = RetroScenes.options(firstBallot);
    FormValues first = RetroScenes.ticking(firstBallot, List.of(options.get(0).value()));
    t.submit("U0AAA1", first);
    d.clickVote("U0AAA1", retro);
    t.submit("U0AAA1", RetroScenes.ticking(t.lastView(), List.of(options.get(1).value())));
    List<Long> votes = d.repo.votesOf(retro.id(), "U0AAA1");
    t.deliverAll();
    int chats = chatCalls();

    replay("U0AAA1", firstBallot, first);
    t.deliverAll();

    assertThat(d.repo.votesOf(retro.id(), "U0AAA1")).isEqualTo(votes).hasSize(1);
    assertThat(chatCalls()).as("no redraw for the replay").isEqualTo(chats);
  }
}
