package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.Transport;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retros through the real Jetty endpoint: start, items, announcement, permissions, actions. */
class RetroEndToEndTest {
  static final ZonedDateTime THURSDAY =
      ZonedDateTime.of(2026, 11, 19, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  TestSlackApp start() {
    return start(Transport.HTTP);
  }

  TestSlackApp start(Transport transport) {
    t = TestSlackApp.start(TestDb.H2, THURSDAY, transport);
    return t;
  }

  static Retro retro(TestSlackApp t) {
    return t.database.jdbi().onDemand(RetroRepository.class).latestIn("C0DIST").orElseThrow();
  }

  static void addItem(TestSlackApp t, String user, String category, String text) {
    t.requests.clickButton(user, RetroAnnouncement.ADD_ITEM, "" + retro(t).id(), "C0DIST");
    t.settle();
    t.submit(
        user, new FormValues().select("category", "category", category).text("text", "text", text));
  }

  static String announcementNow(TestSlackApp t) {
    List<SlackCall> updates = t.slack.calls("chat.update");
    return updates.isEmpty()
        ? t.postsTo("C0DIST").get(0).param("blocks")
        : updates.get(updates.size() - 1).param("blocks");
  }

  @Test
  void starting_posts_the_announcement_with_the_prompts_and_gives_the_facilitator_controls() {
    start();
    var response = t.command("U0AAA1", "/retro", "start Sprint 42 --votes 2");

    assertThat(response.body()).contains("Only you see these controls", "Open voting");
    List<SlackCall> posts = t.postsTo("C0DIST");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).param("blocks"))
        .contains("Retro: Sprint 42", "What went well (wins)?", "What did you learn?")
        .contains("Did we accomplish what we said we were going to accomplish?")
        .contains("Add item", "2 votes per person", "Anonymous items");
    Retro retro = retro(t);
    assertThat(retro.facilitator()).isEqualTo("U0AAA1");
    assertThat(retro.announcementTs()).isNotNull();
  }

  @Test
  void a_channel_has_one_open_retro_at_a_time() {
    start();
    t.command("U0AAA1", "/retro", "start Sprint 42");

    var second = t.command("U0BBB2", "/retro", "start Another");

    assertThat(second.body()).contains("already has an open retro", "Sprint 42");
    assertThat(t.postsTo("C0DIST")).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void items_are_counted_on_the_announcement_but_their_text_stays_hidden_until_voting(
      Transport transport) {
    start(transport);
    t.command("U0AAA1", "/retro", "start Sprint 42");

    addItem(t, "U0BBB2", "WINS", "Shipped search v2");
    addItem(t, "U0CCC3", "NOT_WELL", "Flaky deploys");
    t.deliverAll(); // the count is redrawn in a batch, about 10 s after the first new item

    assertThat(announcementNow(t)).contains("*Items:* 2").doesNotContain("Shipped", "Flaky");
    assertThat(t.postsTo("C0DIST")).hasSize(1);
    assertThat(t.database.jdbi().onDemand(RetroRepository.class).items(retro(t).id()))
        .extracting(RetroItem::text)
        .containsExactly("Shipped search v2", "Flaky deploys");
  }

  @Test
  void an_empty_item_gets_a_field_error_and_nothing_is_stored() {
    start();
    t.command("U0AAA1", "/retro", "start Sprint 42");
    t.requests.clickButton("U0BBB2", RetroAnnouncement.ADD_ITEM, "" + retro(t).id(), "C0DIST");
    t.settle();

    var response =
        t.submit(
            "U0BBB2",
            new FormValues().select("category", "category", "WINS").text("text", "text", "  "));

    assertThat(response.body()).contains("\"response_action\":\"errors\"", "Write your item.");
    assertThat(t.database.jdbi().onDemand(RetroRepository.class).itemCount(retro(t).id())).isZero();
  }

  @Test
  void only_the_facilitator_or_an_admin_moves_the_phase() {
    start();
    t.command("U0AAA1", "/retro", "start Sprint 42");
    addItem(t, "U0BBB2", "WINS", "Shipped");

    var refused = t.command("U0BBB2", "/retro", "vote");
    assertThat(refused.body()).contains("Only the facilitator", "U0AAA1");
    assertThat(retro(t).phase()).isEqualTo(RetroPhase.COLLECTING);

    var byAdmin = t.command("U0ADMIN1", "/retro", "vote");
    assertThat(byAdmin.body()).contains("Voting is open");
    assertThat(retro(t).phase()).isEqualTo(RetroPhase.VOTING);
    assertThat(announcementNow(t)).contains("Vote", "*Phase:* voting").doesNotContain("Add item");
  }

  @Test
  void the_facilitators_control_button_opens_voting_and_redraws_the_controls() {
    start();
    t.command("U0AAA1", "/retro", "start Sprint 42");
    addItem(t, "U0BBB2", "WINS", "Shipped");

    t.requests.clickButton(
        "U0AAA1", RetroControls.MOVE + "_voting", retro(t).id() + ":VOTING", "C0DIST");
    t.settle();

    assertThat(retro(t).phase()).isEqualTo(RetroPhase.VOTING);
    SlackCall controls =
        t.slack
            .calls(SlackDouble.RESPONSE_URL)
            .get(t.slack.calls(SlackDouble.RESPONSE_URL).size() - 1);
    assertThat(controls.param("replace_original")).isEqualTo("true");
    assertThat(controls.param("blocks")).contains("Close voting, rank topics");
  }

  @Test
  void voting_cannot_open_without_items_and_phases_go_in_order() {
    start();
    t.command("U0AAA1", "/retro", "start Sprint 42");

    assertThat(t.command("U0AAA1", "/retro", "vote").body()).contains("no items to vote on");
    assertThat(t.command("U0AAA1", "/retro", "discuss").body()).contains("Open voting first");
  }

  @Test
  void user_text_in_the_title_pings_nobody() {
    start();
    t.command("U0AAA1", "/retro", "start <!channel> & <@U0BBB2> retro");

    SlackCall announcement = t.postsTo("C0DIST").get(0);
    var blocks = announcement.json("blocks");
    assertThat(blocks.get(0).path("text").path("type").asText())
        .as("the title shows literally in a plain_text header, where Slack parses no mentions")
        .isEqualTo("plain_text");
    assertThat(announcement.param("text"))
        .as("typed text escaped once; Slack's mention token read as plain text")
        .contains("&lt;!channel&gt; &amp; @U0BBB2 retro");
    for (int i = 1; i < blocks.size(); i++) {
      assertThat(blocks.get(i).toString()).doesNotContain("<!channel>", "<@U0BBB2>");
    }
  }

  @Test
  void bad_options_get_a_specific_ephemeral_error() {
    start();
    assertThat(t.command("U0AAA1", "/retro", "start X --votes 50").body())
        .contains("`--votes` must be a whole number from 1 to 20");
    assertThat(t.command("U0AAA1", "/retro", "start --named").body())
        .contains("Give the retro a title");
    assertThat(t.command("U0AAA1", "/retro", "start X --okrs FY2031-Q2").body())
        .contains("No KRs are imported for FY2031-Q2");
    assertThat(t.command("U0AAA1", "/retro", "vote").body())
        .contains("There is no open retro here");
    assertThat(t.postsTo("C0DIST")).isEmpty();
  }

  @Test
  void the_retro_runs_in_the_channel_given_else_the_configured_one() {
    t =
        TestSlackApp.start(
            TestDb.H2, THURSDAY, TestSlackApp.CONFIG + "retro:\n  channel: \"#retros\"\n", null);

    t.slack.addMember("C0RETROS", "U0AAA1");
    t.slack.addMember("C0PAYMENTS", "U0AAA1");

    t.command("U0AAA1", "/retro", "start Configured");
    t.command("U0AAA1", "/retro", "start Given --channel <#C0PAYMENTS|payments>");
    t.runDue(); // the checks that Avery is in those channels, after the acks

    assertThat(t.postsTo("C0RETROS")).hasSize(1);
    assertThat(t.postsTo("C0PAYMENTS")).hasSize(1);
    assertThat(t.postsTo("C0DIST")).isEmpty();
    assertThat(t.command("U0AAA1", "/retro", "vote").body())
        .as("run from another channel, a phase command finds the configured channel's retro")
        .contains("no items to vote on");
  }

  @Test
  void a_private_channel_without_the_app_gets_an_explanation_and_no_half_started_retro() {
    start();
    t.slack.addChannel("G0SECRET", "secret", true, false);
    t.slack.addMember("G0SECRET", "U0AAA1");

    t.command("U0AAA1", "/retro", "start Hidden --channel <#G0SECRET|secret>");
    t.runDue();

    assertThat(t.dmsTo("U0AAA1"))
        .anySatisfy(
            c -> assertThat(c.param("text")).contains("not_in_channel", "/invite @Drumbeat"));
    assertThat(t.database.jdbi().onDemand(RetroRepository.class).openIn("G0SECRET")).isEmpty();
  }
}
