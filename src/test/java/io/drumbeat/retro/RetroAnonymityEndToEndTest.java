package io.drumbeat.retro;

import static io.drumbeat.retro.RetroScenes.addItem;
import static io.drumbeat.retro.RetroScenes.options;
import static io.drumbeat.retro.RetroScenes.retroIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.store.TestDb;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Anonymity that survives a close look: the order items are shown in and the ids the voting modal
 * carries say nothing of who wrote an item or when, and the announcement's count moves in batches.
 *
 * <p>The order is random (fixed per retro), so the assertions that it is not the order of
 * submission could fail by chance: with 15 items, about once in 10^12 runs for the order itself and
 * about once in 10^5 for "the items of each author are not shown together".
 */
class RetroAnonymityEndToEndTest {
  static final List<String> PEOPLE = List.of("U0AAA1", "U0BBB2", "U0CCC3");
  static final Pattern ITEMS = Pattern.compile("\\*Items:\\* (\\d+)");
  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  /** Avery's five items, then Sam's five, then Rosa's five, all answering "wins". */
  List<String> addFifteenItems(String channel) {
    List<String> submitted = new ArrayList<>();
    for (String person : PEOPLE) {
      for (int i = 1; i <= 5; i++) {
        String text = person + " item " + i;
        addItem(t, person, channel, "WINS", text);
        submitted.add(text);
      }
    }
    return submitted;
  }

  /** The item texts of the voting modal {@code user} opens now, in the order shown. */
  List<RetroScenes.Option> modalOf(String user, Retro retro) {
    t.requests.clickButton(user, RetroVoting.VOTE, "" + retro.id(), retro.channel());
    t.settle();
    return options(t.lastView());
  }

  static List<String> texts(List<RetroScenes.Option> options) {
    return options.stream().map(RetroScenes.Option::itemText).toList();
  }

  /** How many runs of one author there are in {@code shown} (3 when grouped by author). */
  static int authorRuns(List<String> shown) {
    int runs = 0;
    String last = null;
    for (String text : shown) {
      String author = text.substring(0, 6);
      if (!author.equals(last)) {
        runs++;
      }
      last = author;
    }
    return runs;
  }

  @Test
  void items_from_three_people_are_shown_in_an_order_and_with_ids_that_reveal_nothing() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0ADMIN1", "/retro", "start Sprint 42");
    List<String> submitted = addFifteenItems("C0DIST");
    t.command("U0ADMIN1", "/retro", "vote");
    Retro retro = retroIn(t, "C0DIST");

    List<RetroScenes.Option> shown = modalOf("U0NOKR", retro);

    assertThat(texts(shown)).containsExactlyInAnyOrderElementsOf(submitted);
    assertThat(texts(shown)).as("not the order of submission").isNotEqualTo(submitted);
    assertThat(authorRuns(texts(shown)))
        .as("an author's items are not shown together")
        .isGreaterThan(3);
    List<Long> dbIds =
        t.database.jdbi().onDemand(RetroRepository.class).items(retro.id()).stream()
            .map(RetroItem::id)
            .toList();
    List<String> values = shown.stream().map(RetroScenes.Option::value).toList();
    assertThat(values).doesNotHaveDuplicates().noneMatch(v -> v.matches("\\d+"));
    assertThat(values).noneMatch(v -> dbIds.stream().anyMatch(id -> v.equals(id.toString())));
    List<String> valuesBySubmission =
        submitted.stream()
            .map(text -> shown.get(texts(shown).indexOf(text)).value())
            .collect(Collectors.toList());
    assertThat(valuesBySubmission)
        .as("values do not grow or shrink with the time of submission")
        .isNotEqualTo(valuesBySubmission.stream().sorted().toList())
        .isNotEqualTo(valuesBySubmission.stream().sorted((a, b) -> b.compareTo(a)).toList());
    assertThat(modalOf("U0BBB2", retro)).as("fixed per retro").isEqualTo(shown);
  }

  @Test
  void ranked_topics_the_notes_and_the_export_break_ties_in_the_modals_fixed_random_order() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0ADMIN1", "/retro", "start Sprint 42");
    List<String> submitted = addFifteenItems("C0DIST");
    t.command("U0ADMIN1", "/retro", "vote");
    Retro retro = retroIn(t, "C0DIST");
    List<String> shown = texts(modalOf("U0NOKR", retro));

    t.command("U0ADMIN1", "/retro", "discuss");
    t.command("U0ADMIN1", "/retro", "close");
    t.deliverAll();

    String topics = t.postsTo("C0DIST").get(1).param("blocks");
    String notes = t.postsTo("C0DIST").get(2).param("blocks");
    String markdown =
        RetroNotes.markdown(
            new RetroReports(t.database.jdbi(), new Scorecard(t.database.jdbi()))
                .load(retro.id())
                .orElseThrow());
    assertThat(shown).isNotEqualTo(submitted);
    assertThat(topics).containsSubsequence(shown);
    assertThat(notes).containsSubsequence(shown);
    assertThat(markdown).containsSubsequence(shown);
  }

  @Test
  void the_same_items_in_another_retro_get_another_order_and_other_values() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.slack.addMember("C0PAYMENTS", "U0ADMIN1");
    t.command("U0ADMIN1", "/retro", "start Sprint 42");
    t.requests.command("U0ADMIN1", "/retro", "start Sprint 42", "C0PAYMENTS");
    t.settle();
    addFifteenItems("C0DIST");
    addFifteenItems("C0PAYMENTS");
    t.command("U0ADMIN1", "/retro", "vote");
    t.requests.command("U0ADMIN1", "/retro", "vote", "C0PAYMENTS");
    t.settle();

    List<RetroScenes.Option> one = modalOf("U0NOKR", retroIn(t, "C0DIST"));
    List<RetroScenes.Option> other = modalOf("U0NOKR", retroIn(t, "C0PAYMENTS"));

    assertThat(texts(one)).isNotEqualTo(texts(other));
    assertThat(one.stream().map(RetroScenes.Option::value))
        .doesNotContainAnyElementsOf(other.stream().map(RetroScenes.Option::value).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_anonymous_item_stores_nothing_that_ties_it_to_the_form_its_author_opened(TestDb db)
      throws SQLException {
    t = TestSlackApp.start(db, RetroEndToEndTest.THURSDAY);
    t.command("U0ADMIN1", "/retro", "start Sprint 42");
    t.requests.clickButton(
        "U0NOKR", RetroAnnouncement.ADD_ITEM, "" + retroIn(t, "C0DIST").id(), "C0DIST");
    t.settle();
    String viewId = t.lastView().path("id").asText();

    t.submit("U0NOKR", RetroScenes.item("NOT_WELL", "Too many meetings"));
    t.deliverAll();

    assertThat(viewId).isNotBlank();
    assertThat(RetroItemsEndToEndTest.cellsContaining(t, viewId))
        .as("the view id Slack gave the author's form is stored nowhere, e.g. as a replay id")
        .isSubsetOf("flyway_schema_history.script"); // the double's view ids are V1, V2, …
    assertThat(RetroItemsEndToEndTest.cellsContaining(t, "U0NOKR"))
        .as("only the profile cache, which lists everyone in the workspace")
        .isSubsetOf("slack_user.user_id", "slack_user.avatar_url");
  }

  /** The announcement's item counts in the order they were drawn, with when. */
  List<SlackCall> redraws() {
    return t.slack.calls("chat.update");
  }

  void tick(int seconds) {
    for (int i = 0; i < seconds; i++) {
      t.clock.tick(Duration.ofSeconds(1));
      t.runDue();
    }
  }

  @Test
  void
      items_from_several_people_within_ten_seconds_land_in_one_redraw_ten_seconds_after_the_first() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0ADMIN1", "/retro", "start Sprint 42");
    t.deliverAll();

    Instant first = t.clock.instant();
    addItem(t, "U0AAA1", "C0DIST", "WINS", "One");
    tick(3);
    addItem(t, "U0BBB2", "C0DIST", "WINS", "Two");
    tick(3);
    addItem(t, "U0CCC3", "C0DIST", "WINS", "Three");
    tick(3);
    assertThat(redraws()).as("nothing sooner than 10 s after the first item").isEmpty();
    tick(2);

    assertThat(redraws()).hasSize(1);
    assertThat(redraws().get(0).param("blocks")).contains("*Items:* 3");
    assertThat(Duration.between(first, redraws().get(0).receivedAt()))
        .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));

    tick(9);
    Instant fourth = t.clock.instant();
    addItem(t, "U0NOKR", "C0DIST", "WINS", "Four");
    tick(9);
    assertThat(redraws()).hasSize(1);
    tick(2);
    assertThat(redraws()).hasSize(2);
    assertThat(redraws().get(1).param("blocks")).contains("*Items:* 4");
    assertThat(Duration.between(fourth, redraws().get(1).receivedAt()))
        .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
  }

  @Test
  void a_steady_stream_of_items_is_counted_at_most_thirty_seconds_after_each_first_new_item() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0ADMIN1", "/retro", "start Sprint 42");
    t.deliverAll();

    List<Instant> added = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      added.add(t.clock.instant());
      addItem(t, PEOPLE.get(i % 3), "C0DIST", "WINS", "Item " + i);
      tick(4);
    }
    tick(12);

    int shown = 0;
    for (SlackCall redraw : redraws()) {
      Matcher items = ITEMS.matcher(redraw.param("blocks"));
      assertThat(items.find()).isTrue();
      int count = Integer.parseInt(items.group(1));
      Instant firstNew = added.get(shown);
      assertThat(Duration.between(firstNew, redraw.receivedAt()))
          .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
      assertThat(count).as("several items land in one redraw").isGreaterThan(shown + 1);
      shown = count;
    }
    assertThat(shown).isEqualTo(12);
  }

  @Test
  void an_action_item_recorded_while_collecting_does_not_redraw_the_count_early() {
    t = TestSlackApp.start(TestDb.H2, RetroEndToEndTest.THURSDAY);
    t.command("U0ADMIN1", "/retro", "start Sprint 42");
    t.deliverAll();

    addItem(t, "U0BBB2", "C0DIST", "WINS", "One");
    tick(2);
    t.command("U0ADMIN1", "/retro", "action Fix the flaky test <@U0CCC3>");
    tick(6);

    assertThat(redraws()).as("nothing sooner than 10 s after the item").isEmpty();
    tick(3);
    assertThat(redraws()).hasSize(1);
  }
}
