package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.SlackInteractions;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.home.HomeTabs;
import io.drumbeat.store.TestDb;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retros in the App Home: listed for members of their channel, with <em>Add item</em> while
 * collecting and <em>Vote</em> while voting; a button works only for the person it was drawn for.
 */
class HomeRetroEndToEndTest {
  static final ZonedDateTime THURSDAY =
      ZonedDateTime.of(2026, 11, 19, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  TestSlackApp t;
  RetroRepository repo;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, THURSDAY);
    repo = t.database.jdbi().onDemand(RetroRepository.class);
    t.slack.addMember("C0DIST", "U0AAA1");
    t.command("U0AAA1", "/retro", "start Sprint <42> & more");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  Retro retro() {
    return repo.latestIn("C0DIST").orElseThrow();
  }

  void click(String user, String actionId, String value) {
    t.requests.interaction(SlackInteractions.homeClick(user, actionId, value));
    t.settle();
  }

  @Test
  void a_member_of_the_channel_adds_an_item_from_the_home_and_a_non_member_sees_no_retro() {
    HomeTabs.open(t, "U0AAA1");
    HomeTabs.open(t, "U0BBB2");
    JsonNode home = HomeTabs.latest(t, "U0AAA1");
    assertThat(home.path("blocks").toString())
        .contains("Sprint &lt;42&gt; &amp; more", "<#C0DIST>", "collecting items", "Add item");
    assertThat(HomeTabs.latest(t, "U0BBB2").path("blocks").toString()).doesNotContain("Sprint");

    click("U0AAA1", HomeRetroClicks.ADD_ITEM, HomeTabs.buttonValue(home, HomeRetroClicks.ADD_ITEM));
    assertThat(t.lastView().path("callback_id").asText()).isEqualTo(ItemModal.CALLBACK_ID);
    t.submit(
        "U0AAA1",
        new FormValues().select("category", "category", "WINS").text("text", "text", "Shipped it"));

    assertThat(repo.items(retro().id())).extracting(RetroItem::text).containsExactly("Shipped it");
  }

  @Test
  void a_home_button_drawn_for_someone_else_opens_nothing_and_is_explained_by_dm() {
    HomeTabs.open(t, "U0AAA1");
    String value = HomeTabs.buttonValue(HomeTabs.latest(t, "U0AAA1"), HomeRetroClicks.ADD_ITEM);

    click("U0BBB2", HomeRetroClicks.ADD_ITEM, value);

    assertThat(t.slack.calls("views.open")).isEmpty();
    assertThat(t.dmsTo("U0BBB2"))
        .singleElement()
        .satisfies(dm -> assertThat(dm.param("text")).contains("not drawn for you"));
  }

  @Test
  void vote_from_the_home_opens_the_ballot_and_casting_it_redraws_the_home() {
    repo.addItem(retro().id(), RetroCategory.WINS, "Fast reviews", null);
    repo.move(retro().id(), RetroPhase.COLLECTING, RetroPhase.VOTING);
    HomeTabs.open(t, "U0AAA1");
    JsonNode home = HomeTabs.latest(t, "U0AAA1");
    assertThat(home.path("blocks").toString())
        .contains("voting", "Vote")
        .doesNotContain("Add item");

    click("U0AAA1", HomeRetroClicks.VOTE, HomeTabs.buttonValue(home, HomeRetroClicks.VOTE));
    JsonNode ballot = t.lastView();
    assertThat(ballot.path("callback_id").asText()).isEqualTo(VoteModal.CALLBACK_ID);
    t.submit(
        "U0AAA1",
        new FormValues()
            .checkboxes(
                VoteModal.blockId(0, 0), VoteModal.PICK, ModalLimits.optionValues(ballot).get(0)));

    assertThat(repo.votesOf(retro().id(), "U0AAA1")).hasSize(1);
    assertThat(HomeTabs.published(t, "U0AAA1")).hasSize(2);
  }
}
