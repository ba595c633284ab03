package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retros of 80 items in the voting modal: split checkbox groups and, when needed, pages. */
class RetroVotingPagesEndToEndTest {
  TestSlackApp t;
  VotingDriver d;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, RetroVotingEndToEndTest.FRIDAY);
    d = new VotingDriver(t);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void eighty_items_fit_one_page_in_checkbox_groups_of_at_most_10_and_every_one_can_be_voted_for() {
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, VotingDriver.texts(80, "a thought"));

    d.clickVote("U0AAA1", retro);

    JsonNode view = t.lastView();
    ModalLimits.assertWithinLimits(view);
    assertThat(d.optionIds(view)).containsExactlyInAnyOrderElementsOf(d.ids(retro));
    assertThat(view.path("blocks").toString()).doesNotContain(VoteModal.NEXT);
    List<Long> last = d.ids(retro).subList(77, 80);
    HttpResponse<String> response = t.submit("U0AAA1", d.ticking(view, last));
    assertThat(response.body()).contains("clear");
    assertThat(d.repo.votesOf(retro.id(), "U0AAA1")).containsExactlyElementsOf(last);
  }

  @Test
  void eighty_long_items_page_with_previous_and_next_and_the_ticks_survive_turning_pages() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      texts.add(i + " <b> & " + "<tag> ".repeat(160));
    }
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, texts);
    List<Long> ids = d.ids(retro);
    d.repo.replaceVotes(retro.id(), "U0AAA1", List.of(ids.get(76)), t.clock.instant());

    d.clickVote("U0AAA1", retro);
    JsonNode first = t.lastView();
    ModalLimits.assertWithinLimits(first);
    List<Long> onFirst = d.optionIds(first);
    assertThat(onFirst).hasSizeLessThan(80);
    assertThat(first.path("blocks").toString()).contains(VoteModal.NEXT, "Page 1 of");
    long a = onFirst.get(0);
    d.turn("U0AAA1", first, VoteModal.NEXT, d.ticking(first, List.of(a)));

    SlackCall update = t.slack.calls("views.update").get(0);
    assertThat(update.param("view_id")).isEqualTo("V77");
    assertThat(update.param("hash")).isEqualTo("h77");
    JsonNode second = t.lastView();
    ModalLimits.assertWithinLimits(second);
    List<Long> onSecond = d.optionIds(second);
    assertThat(onSecond).doesNotContainAnyElementsOf(onFirst);
    assertThat(second.path("blocks").toString()).contains(VoteModal.PREVIOUS, "Page 2 of");
    assertThat(d.tickedIds(second)).as("the vote cast before opening").contains(ids.get(76));
    long b = onSecond.get(0);
    List<Long> secondTicks = new ArrayList<>(d.tickedIds(second));
    secondTicks.add(b);
    d.turn("U0AAA1", second, VoteModal.PREVIOUS, d.ticking(second, secondTicks));

    JsonNode back = t.lastView();
    assertThat(d.tickedIds(back)).containsExactly(a);
    assertThat(ModalLimits.checkboxBlockIds(back)).isEqualTo(ModalLimits.checkboxBlockIds(first));
    List<Long> everyPage = new ArrayList<>();
    JsonNode page = back;
    while (true) {
      ModalLimits.assertWithinLimits(page);
      everyPage.addAll(d.optionIds(page));
      if (!page.path("blocks").toString().contains(VoteModal.NEXT)) {
        break;
      }
      d.turn("U0AAA1", page, VoteModal.NEXT, d.ticking(page, d.tickedIds(page)));
      page = t.lastView();
    }
    assertThat(everyPage).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(d.tickedIds(page)).containsExactlyInAnyOrder(b, ids.get(76));

    HttpResponse<String> response = t.submit("U0AAA1", d.ticking(page, List.of(b)));
    assertThat(response.body()).contains("clear");
    assertThat(d.repo.votesOf(retro.id(), "U0AAA1")).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void turning_a_page_after_voting_closed_shows_that_it_closed_with_no_submit_button() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      texts.add(i + " " + "<tag> ".repeat(160));
    }
    Retro retro = d.voting(VotingDriver.CHANNEL, 3, texts);
    d.clickVote("U0AAA1", retro);
    JsonNode first = t.lastView();
    d.repo.move(retro.id(), RetroPhase.VOTING, RetroPhase.DISCUSSING);

    d.turn("U0AAA1", first, VoteModal.NEXT, d.ticking(first, List.of()));

    JsonNode notice = t.lastView();
    assertThat(notice.has("submit")).isFalse();
    assertThat(notice.path("blocks").toString()).contains("Voting has closed");
  }
}
