package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The voting modal through the real Jetty endpoint and over Socket Mode, against the Slack Web API
 * double.
 */
@ParameterizedClass
@EnumSource(Transport.class)
class RetroVotingEndToEndTest {
  @Parameter Transport transport;

  static final ZonedDateTime FRIDAY =
      ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  TestSlackApp t;
  VotingDriver d;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, FRIDAY, transport);
    d = new VotingDriver(t);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  List<SlackCall> ephemeralAnswers() {
    return t.slack.calls(SlackDouble.RESPONSE_URL);
  }

  @Test
  void the_vote_button_opens_a_modal_listing_every_item_grouped_by_prompt_in_prompt_order() {
    Retro retro =
        d.voting(
            VotingDriver.CHANNEL, 3, List.of("shipped search", "met the goal", "flaky CI", "k8s"));

    HttpResponse<String> response = d.clickVote("U0AAA1", retro);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    SlackCall open = t.slack.calls("views.open").get(0);
    assertThat(open.param("trigger_id")).startsWith("trigger-");
    JsonNode view = open.json("view");
    assertThat(view.path("callback_id").asText()).isEqualTo(VoteModal.CALLBACK_ID);
    String blocks = view.path("blocks").toString();
    assertThat(blocks)
        .containsSubsequence(
            "What went well (wins)?",
            "*#1* shipped search",
            "Did we accomplish what we said",
            "*#2* met the goal",
            "What didn't go well?",
            "*#3* flaky CI",
            "What did you learn?",
            "*#4* k8s")
        .contains("You have *3 votes*")
        .doesNotContain("What should we start doing?");
    assertThat(d.tickedIds(view)).isEmpty();
    assertThat(d.optionIds(view)).isEqualTo(d.ids(retro));
    assertThat(ephemeralAnswers()).isEmpty();
    assertThat(t.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void choosing_more_items_than_votes_gets_a_field_error_with_how_many_were_chosen_and_allowed() {
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(5, "item"));
    d.clickVote("U0AAA1", retro);
    JsonNode view = t.lastView();
    String firstGroup = ModalLimits.checkboxBlockIds(view).get(0);

    HttpResponse<String> response = t.submit("U0AAA1", d.ticking(view, d.ids(retro).subList(0, 5)));

    assertThat(response.body())
        .contains("\"response_action\":\"errors\"")
        .contains("\"" + firstGroup + "\":\"You chose 5 items but have 3 votes. Untick 2.\"");
    assertThat(d.repo.votesOf(retro.id(), "U0AAA1")).isEmpty();
  }

  @Test
  void reopening_shows_the_current_votes_ticked_and_submitting_again_replaces_them() {
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(12, "item"));
    List<Long> ids = d.ids(retro);
    d.clickVote("U0BBB2", retro);
    JsonNode beforeAnyVote = withoutIdentity(t.lastView());
    d.clickVote("U0AAA1", retro);
    HttpResponse<String> first =
        t.submit("U0AAA1", d.ticking(t.lastView(), List.of(ids.get(0), ids.get(8))));
    assertThat(first.body()).contains("\"response_action\":\"clear\"");

    d.clickVote("U0AAA1", retro);
    assertThat(d.tickedIds(t.lastView())).containsExactlyInAnyOrder(ids.get(0), ids.get(8));
    t.submit("U0AAA1", d.ticking(t.lastView(), List.of(ids.get(8), ids.get(10), ids.get(11))));

    assertThat(d.repo.votesOf(retro.id(), "U0AAA1"))
        .containsExactly(ids.get(8), ids.get(10), ids.get(11));
    d.clickVote("U0BBB2", retro);
    assertThat(withoutIdentity(t.lastView()))
        .as("no totals: others' votes change nothing")
        .isEqualTo(beforeAnyVote);
  }

  @Test
  void the_vote_button_outside_the_voting_phase_answers_the_clicker_ephemerally() {
    Retro retro =
        d.repo
            .start(VotingDriver.CHANNEL, "Sprint 42", "U0FAC1", false, 3, null, t.clock.instant())
            .orElseThrow();
    d.repo.addItem(retro.id(), RetroCategory.WINS, "shipped", null);

    d.clickVote("U0AAA1", retro);
    d.repo.move(retro.id(), RetroPhase.COLLECTING, RetroPhase.VOTING);
    d.repo.move(retro.id(), RetroPhase.VOTING, RetroPhase.DISCUSSING);
    d.clickVote("U0AAA1", retro);

    assertThat(t.slack.calls("views.open")).isEmpty();
    List<SlackCall> answers = ephemeralAnswers();
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0).param("text")).startsWith("Voting has not opened yet");
    assertThat(answers.get(1).param("text")).startsWith("Voting has closed");
    assertThat(answers)
        .allSatisfy(a -> assertThat(a.param("response_type")).isEqualTo("ephemeral"))
        .allSatisfy(a -> assertThat(a.param("replace_original")).isEqualTo("false"));
  }

  @Test
  void a_ballot_submitted_after_voting_closed_is_refused_and_changes_no_vote() {
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(3, "item"));
    d.clickVote("U0AAA1", retro);
    d.repo.move(retro.id(), RetroPhase.VOTING, RetroPhase.DISCUSSING);

    HttpResponse<String> response =
        t.submit("U0AAA1", d.ticking(t.lastView(), d.ids(retro).subList(0, 1)));

    assertThat(response.body()).contains("\"response_action\":\"errors\"", "Voting has closed");
    assertThat(d.repo.voterCount(retro.id())).isZero();
  }

  @Test
  void an_item_of_another_retro_cannot_be_voted_for() {
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(3, "mine"));
    Retro other = d.voting("C0DIST", 3, VotingDriver.texts(3, "theirs"));
    d.clickVote("U0AAA1", retro);
    String group = ModalLimits.checkboxBlockIds(t.lastView()).get(0);

    HttpResponse<String> response =
        t.submit(
            "U0AAA1", new FormValues().checkboxes(group, VoteModal.PICK, "" + d.ids(other).get(0)));

    assertThat(response.body()).contains("\"response_action\":\"errors\"", "not in this retro");
    assertThat(d.repo.voterCount(retro.id()) + d.repo.voterCount(other.id())).isZero();
  }

  @Test
  void a_channel_mention_in_an_item_is_escaped_and_pings_nobody() {
    Retro retro =
        d.voting(VotingDriver.CHANNEL, 3, List.of("<!channel> deploys & <@U0BBB2> <!here>"));

    d.clickVote("U0AAA1", retro);

    String mrkdwn = ModalLimits.mrkdwn(t.lastView());
    assertThat(mrkdwn)
        .contains("&lt;!channel&gt; deploys &amp; &lt;@U0BBB2&gt; &lt;!here&gt;")
        .doesNotContain("<!channel>", "<!here>", "<@U0BBB2>");
    assertThat(t.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void when_slack_refuses_to_open_the_modal_the_clicker_is_told_to_click_vote_again() {
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(3, "item"));
    t.slack.failNextWithError("views.open", "expired_trigger_id");

    d.clickVote("U0AAA1", retro);

    assertThat(ephemeralAnswers()).hasSize(1);
    assertThat(ephemeralAnswers().get(0).param("text"))
        .contains("took too long", "click *Vote* again");
  }

  /** A modal without the id and hash Slack gives each opening. */
  static JsonNode withoutIdentity(JsonNode view) {
    com.fasterxml.jackson.databind.node.ObjectNode copy =
        ((com.fasterxml.jackson.databind.node.ObjectNode) view).deepCopy();
    copy.remove(java.util.List.of("id", "hash"));
    return copy;
  }
}
