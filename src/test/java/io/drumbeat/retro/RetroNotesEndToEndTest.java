package io.drumbeat.retro;

import static io.drumbeat.retro.RetroEndToEndTest.addItem;
import static io.drumbeat.retro.RetroEndToEndTest.retro;
import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Closing voting and closing the retro through the real endpoint: topics, notes, scorecard. */
class RetroNotesEndToEndTest {
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  @Test
  void closing_voting_posts_ranked_topics_and_closing_posts_the_notes_in_the_channel() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42 --okrs FY2027-Q4");
    addItem(t, "U0BBB2", "WINS", "Shipped search v2");
    addItem(t, "U0CCC3", "NOT_WELL", "Flaky deploys <!channel>");
    addItem(t, "U0CCC3", "START", "Pairing on reviews");
    t.command("U0AAA1", "/retro", "vote");
    RetroRepository repo = t.database.jdbi().onDemand(RetroRepository.class);
    List<RetroItem> items = repo.items(retro(t).id());
    repo.replaceVotes(
        retro(t).id(), "U0BBB2", Set.of(items.get(1).id(), items.get(2).id()), t.clock.instant());
    repo.replaceVotes(retro(t).id(), "U0CCC3", Set.of(items.get(1).id()), t.clock.instant());

    t.command("U0AAA1", "/retro", "discuss");
    SlackCall topics = last(t.postsTo("C0DIST"));
    String ranked = topics.json("blocks").toString();
    assertThat(ranked.indexOf("Flaky deploys")).isLessThan(ranked.indexOf("Pairing on reviews"));
    assertThat(ranked.indexOf("Pairing on reviews"))
        .isLessThan(ranked.indexOf("Shipped search v2"));
    assertThat(ranked).contains("2 votes", "&lt;!channel&gt;").doesNotContain("<!channel>");

    t.command("U0AAA1", "/retro", "action Fix the deploy pipeline <@U0BBB2> 2026-12-04");
    var closed = t.command("U0AAA1", "/retro", "close");

    assertThat(closed.body()).contains("export retro " + retro(t).id());
    String notes = last(t.postsTo("C0DIST")).json("blocks").toString();
    assertThat(notes)
        .contains("Shipped search v2", "Flaky deploys", "Pairing on reviews")
        .contains("Fix the deploy pipeline", "U0BBB2", "2026-12-04")
        .contains("KR1.1");
    assertThat(retro(t).phase()).isEqualTo(RetroPhase.CLOSED);
    assertThat(repo.openIn("C0DIST")).isEmpty();
  }

  @Test
  void long_notes_are_split_into_messages_within_block_kit_limits_continued_in_the_thread() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0AAA1", "/retro", "start Big retro");
    RetroRepository repo = t.database.jdbi().onDemand(RetroRepository.class);
    long id = retro(t).id();
    for (int i = 0; i < 120; i++) {
      repo.addItem(id, RetroCategory.values()[i % 7], "item " + i + " " + "z".repeat(900), null);
    }
    t.command("U0AAA1", "/retro", "vote");
    int before = t.postsTo("C0DIST").size();

    t.command("U0AAA1", "/retro", "close");
    t.deliverAll(); // posts to one channel go out about one a second

    List<SlackCall> posts = t.postsTo("C0DIST").subList(before, t.postsTo("C0DIST").size());
    assertThat(posts.size()).isGreaterThan(1);
    assertThat(posts.get(0).param("thread_ts")).as("the first part starts the thread").isNull();
    for (SlackCall part : posts.subList(1, posts.size())) {
      assertThat(part.param("thread_ts")).isNotNull();
    }
    for (SlackCall part : posts) {
      assertThat(part.json("blocks").size()).isLessThanOrEqualTo(50);
      part.json("blocks")
          .forEach(
              b ->
                  assertThat(b.path("text").path("text").asText().length())
                      .isLessThanOrEqualTo(3000));
    }
    String all = posts.stream().map(p -> p.json("blocks").toString()).reduce("", String::concat);
    for (int i = 0; i < 120; i++) {
      assertThat(all).contains("item " + i + " ");
    }
  }

  static SlackCall last(List<SlackCall> calls) {
    return calls.get(calls.size() - 1);
  }
}
