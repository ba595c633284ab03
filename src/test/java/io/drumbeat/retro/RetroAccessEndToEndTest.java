package io.drumbeat.retro;

import static io.drumbeat.retro.RetroScenes.ackText;
import static io.drumbeat.retro.RetroScenes.action;
import static io.drumbeat.retro.RetroScenes.addItem;
import static io.drumbeat.retro.RetroScenes.item;
import static io.drumbeat.retro.RetroScenes.lastReply;
import static io.drumbeat.retro.RetroScenes.retroIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in a retro, through the real endpoint: starting one in a channel takes being in
 * it, action items are recorded from the retro's channel, and every id a form or button carries
 * back is checked again against the person who sent it.
 */
class RetroAccessEndToEndTest {
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  RetroRepository repo() {
    return t.database.jdbi().onDemand(RetroRepository.class);
  }

  HttpResponse<String> command(String user, String text, String channel) {
    return t.requests.command(user, "/retro", text, channel);
  }

  @Test
  void starting_a_retro_in_a_channel_you_are_not_in_is_refused_and_the_ack_calls_no_slack() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.slack.addMember("C0PAYMENTS", "U0AAA1");

    var ack = command("U0BBB2", "start Takeover --channel <#C0PAYMENTS|payments>", "C0DIST");
    assertThat(t.slack.calls("conversations.members")).as("no Slack call in the ack").isEmpty();
    t.runDue();

    assertThat(ackText(ack)).contains("Checking that you are in <#C0PAYMENTS>");
    assertThat(t.postsTo("C0PAYMENTS")).isEmpty();
    assertThat(repo().openIn("C0PAYMENTS")).isEmpty();
    assertThat(lastReply(t)).contains("You are not in <#C0PAYMENTS>");
  }

  @Test
  void a_member_of_another_channel_starts_a_retro_there_and_gets_the_controls_after_the_check() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.slack.addMember("C0PAYMENTS", "U0AAA1");

    var ack = command("U0AAA1", "start Sprint 42 --channel <#C0PAYMENTS|payments>", "C0DIST");
    t.runDue();

    assertThat(ackText(ack)).contains("Checking that you are in <#C0PAYMENTS>");
    assertThat(t.postsTo("C0PAYMENTS")).hasSize(1);
    assertThat(retroIn(t, "C0PAYMENTS").facilitator()).isEqualTo("U0AAA1");
    SlackCall controls = t.slack.calls(SlackDouble.RESPONSE_URL).get(0);
    assertThat(controls.param("replace_original")).isEqualTo("true");
    assertThat(controls.param("blocks")).contains("Only you see these controls", "Open voting");
  }

  @Test
  void when_the_members_cannot_be_read_nothing_starts_and_the_reason_is_told() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);

    command("U0AAA1", "start Sprint 42 --channel <#C0GONE|gone>", "C0DIST");
    t.runDue();

    assertThat(t.postsTo("C0GONE")).isEmpty();
    assertThat(repo().openIn("C0GONE")).isEmpty();
    assertThat(lastReply(t)).contains("channel_not_found", "/invite @Drumbeat");
  }

  @Test
  void the_configured_retro_channel_takes_membership_too_even_from_a_direct_message() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY, RetroScenes.RETROS_CONFIG, null);

    command("U0BBB2", "start From a DM", "D0BBB2");
    t.runDue();
    assertThat(t.postsTo("C0RETROS")).isEmpty();
    assertThat(lastReply(t)).contains("You are not in <#C0RETROS>");

    t.slack.addMember("C0RETROS", "U0BBB2");
    command("U0BBB2", "start From a DM", "D0BBB2");
    t.runDue();
    assertThat(t.postsTo("C0RETROS")).hasSize(1);
  }

  @Test
  void starting_in_the_channel_you_typed_in_needs_no_check_and_answers_at_once() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);

    var ack = t.command("U0BBB2", "/retro", "start Sprint 42");

    assertThat(ack.body()).contains("Only you see these controls");
    assertThat(t.postsTo("C0DIST")).hasSize(1);
    assertThat(t.slack.calls("conversations.members")).isEmpty();
  }

  @Test
  void an_action_item_is_recorded_only_in_the_channel_of_its_open_retro() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY, RetroScenes.RETROS_CONFIG, null);
    command("U0AAA1", "start Sprint 42", "C0RETROS");
    t.settle();

    var elsewhere = command("U0BBB2", "action Send me your password <@U0CCC3>", "C0DIST");
    var fromDm = command("U0BBB2", "action Send me your password <@U0CCC3>", "D0BBB2");
    var inChannel = command("U0BBB2", "action Fix the flaky test <@U0CCC3>", "C0RETROS");
    t.deliverAll();

    assertThat(ackText(elsewhere)).contains("Run `/retro action` in <#C0RETROS>");
    assertThat(ackText(fromDm)).contains("Run `/retro action` in <#C0RETROS>");
    assertThat(inChannel.body()).contains("Action item recorded");
    assertThat(t.dmsTo("U0CCC3")).hasSize(1);
    assertThat(t.dmsTo("U0CCC3").get(0).param("blocks"))
        .contains("Fix the flaky test")
        .doesNotContain("password");
  }

  @Test
  void the_facilitator_records_an_action_item_from_anywhere() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY, RetroScenes.RETROS_CONFIG, null);
    command("U0AAA1", "start Sprint 42", "C0RETROS");
    t.settle();

    var fromDm = command("U0AAA1", "action Fix the flaky test <@U0CCC3>", "D0AAA1");
    t.deliverAll();

    assertThat(fromDm.body()).contains("Action item recorded");
    assertThat(t.dmsTo("U0CCC3")).hasSize(1);
  }

  @Test
  void add_item_clicked_outside_the_retros_channel_opens_no_form() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");

    t.requests.clickButton(
        "U0BBB2", RetroAnnouncement.ADD_ITEM, "" + retroIn(t, "C0DIST").id(), "C0PAYMENTS");
    t.settle();

    assertThat(t.slack.calls("views.open")).isEmpty();
    assertThat(lastReply(t)).contains("announcement in <#C0DIST>");
  }

  @Test
  void an_item_form_submitted_by_someone_other_than_who_opened_it_is_refused() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");
    t.requests.clickButton(
        "U0BBB2", RetroAnnouncement.ADD_ITEM, "" + retroIn(t, "C0DIST").id(), "C0DIST");
    t.settle();

    var response = t.submit("U0CCC3", item("WINS", "Not my form"));

    assertThat(response.body()).contains("\"response_action\":\"errors\"", "Open it again");
    assertThat(repo().itemCount(retroIn(t, "C0DIST").id())).isZero();
  }

  @Test
  void an_item_of_another_retro_cannot_be_edited_or_deleted_through_a_collecting_retros_form() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    Retro voting =
        repo()
            .start("C0PAYMENTS", "Voting", "U0AAA1", true, 3, null, t.clock.instant())
            .orElseThrow();
    long theirs = repo().addItem(voting.id(), RetroCategory.WINS, "Original", "U0BBB2");
    repo().move(voting.id(), RetroPhase.COLLECTING, RetroPhase.VOTING);
    t.command("U0AAA1", "/retro", "start Collecting --named");
    Retro collecting = retroIn(t, "C0DIST");
    addItem(t, "U0BBB2", "C0DIST", "WINS", "Mine");

    t.requests.clickButton("U0BBB2", RetroAnnouncement.ADD_ITEM, "" + collecting.id(), "C0DIST");
    t.settle();
    ObjectNode forged = ((ObjectNode) t.lastView()).deepCopy();
    forged.put("private_metadata", collecting.id() + ":" + theirs);
    var edit = t.requests.submitView("U0BBB2", forged, item("WINS", "Rewritten"));
    forged.put("hash", "another-hash");
    var delete =
        t.requests.submitView(
            "U0BBB2", forged, item("WINS", "x").checkboxes("delete", "delete", "yes"));
    t.settle();

    assertThat(edit.body()).contains("\"response_action\":\"errors\"");
    assertThat(delete.body()).contains("\"response_action\":\"errors\"");
    assertThat(repo().items(voting.id())).extracting(RetroItem::text).containsExactly("Original");
  }

  @Test
  void a_ballot_form_submitted_by_someone_other_than_who_opened_it_is_refused() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    VotingDriver d = new VotingDriver(t);
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(3, "item"));
    d.clickVote("U0AAA1", retro);
    JsonNode view = t.lastView();

    var response =
        t.submit(
            "U0BBB2", RetroScenes.ticking(view, List.of(RetroScenes.options(view).get(0).value())));

    assertThat(response.body()).contains("\"response_action\":\"errors\"", "Open it again");
    assertThat(d.repo.voterCount(retro.id())).isZero();
  }

  @Test
  void add_action_outside_the_retros_channel_is_refused_to_anyone_but_the_facilitator() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");
    long id = retroIn(t, "C0DIST").id();

    t.requests.clickButton("U0BBB2", RetroAnnouncement.ADD_ACTION, "" + id, "C0PAYMENTS");
    t.settle();
    assertThat(t.slack.calls("views.open")).isEmpty();
    assertThat(lastReply(t)).contains("announcement in <#C0DIST>");

    t.requests.clickButton("U0AAA1", RetroAnnouncement.ADD_ACTION, "" + id, "D0AAA1");
    t.settle();
    assertThat(t.slack.calls("views.open")).hasSize(1);
  }

  @Test
  void a_control_button_naming_no_retro_or_no_phase_is_answered_and_changes_nothing() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");

    var gone =
        t.requests.clickButton("U0AAA1", RetroControls.MOVE + "_voting", "999:VOTING", "C0DIST");
    t.settle();
    String first = lastReply(t);
    var forged =
        t.requests.clickButton(
            "U0AAA1",
            RetroControls.MOVE + "_voting",
            retroIn(t, "C0DIST").id() + ":NEXT",
            "C0DIST");
    t.settle();

    assertThat(gone.statusCode()).isEqualTo(200);
    assertThat(forged.statusCode()).isEqualTo(200);
    assertThat(first).contains("There is no retro 999");
    assertThat(lastReply(t)).contains("out of date");
    assertThat(retroIn(t, "C0DIST").phase()).isEqualTo(RetroPhase.COLLECTING);
  }

  @Test
  void an_action_form_submitted_by_someone_other_than_who_opened_it_is_refused() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");
    t.requests.clickButton(
        "U0AAA1", RetroAnnouncement.ADD_ACTION, "" + retroIn(t, "C0DIST").id(), "C0DIST");
    t.settle();

    var response = t.submit("U0BBB2", action("Send me your password", "U0CCC3"));
    t.deliverAll();

    assertThat(response.body()).contains("\"response_action\":\"errors\"", "Open it again");
    assertThat(t.dmsTo("U0CCC3")).isEmpty();
  }
}
