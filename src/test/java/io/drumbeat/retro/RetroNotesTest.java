package io.drumbeat.retro;

import static io.drumbeat.retro.NotesFixtures.action;
import static io.drumbeat.retro.NotesFixtures.item;
import static io.drumbeat.retro.NotesFixtures.retro;
import static io.drumbeat.retro.NotesFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetroNotesTest {
  static final List<RetroItem> ITEMS =
      List.of(
          item(1, RetroCategory.STOP, "Long meetings", "U0AAA1"),
          item(2, RetroCategory.NOT_WELL, "CI was flaky\nagain <!channel>", "U0BBB2"),
          item(3, RetroCategory.WINS, "Shipped search & more", "U0AAA1"),
          item(4, RetroCategory.LEARNED, "Ask <@U0BOSS> early", "U0CCC3"));
  static final List<RankedTopic> RANKED =
      RetroReports.rank(ITEMS, List.of(new VoteCount(2, 3), new VoteCount(4, 1)));

  static RetroReport report(boolean named, List<RankedTopic> ranked, String quarter) {
    return new RetroReport(
        retro(RetroPhase.CLOSED, named, quarter),
        NotesFixtures.scorecard(quarter == null ? 0 : 2),
        ITEMS,
        ranked,
        4,
        List.of(
            action(10, "Fix CI <!here>", "U0AAA1", LocalDate.of(2026, 12, 1), false),
            action(11, "Write docs", "U0BBB2", null, true)),
        List.of(action(5, "Old thing", "U0CCC3", null, false)));
  }

  @Test
  void notes_read_scorecard_then_categories_in_order_then_topics_and_action_items() {
    List<String> texts = texts(RetroNotes.notes(report(false, RANKED, "FY2027-Q1")));

    assertThat(texts)
        .containsExactly(
            "Retro notes: Sprint 42",
            "4 items · 4 people voted · 2 action items",
            ":dart: *OKR scorecard · FY2027-Q1*\n*Objective 1*\n"
                + "*KR1.1* Result &lt;0&gt;: :grey_question: no check-in · target 200 ms"
                + " · grade 0.0 · <@U0OWN0>\n"
                + "*KR1.2* Result &lt;1&gt;: :large_yellow_circle: At risk (2026-W47)"
                + " · 1 / 200 ms (1%) · grade 0.0 · <@U0OWN1>",
            "*Wins*\n• Shipped search &amp; more",
            "*What didn't go well*\n• CI was flaky\n" + NotesText.INDENT + "again &lt;!channel&gt;",
            "*Learnings*\n• Ask &lt;@U0BOSS&gt; early",
            "*Stop*\n• Long meetings",
            "*Topics by votes*\n"
                + "*1.* *3 votes* · _What didn't go well_ · CI was flaky again &lt;!channel&gt;\n"
                + "*2.* *1 vote* · _Learnings_ · Ask &lt;@U0BOSS&gt; early\n"
                + "*3.* *0 votes* · _Stop_ · Long meetings\n"
                + "*4.* *0 votes* · _Wins_ · Shipped search &amp; more",
            "*Action items*\n• Fix CI &lt;!here&gt; — <@U0AAA1> · due 2026-12-01\n"
                + "• Write docs — <@U0BBB2> · :white_check_mark: done",
            "*Still open from earlier retros*\n• Old thing — <@U0CCC3>");
  }

  @Test
  void named_notes_and_topics_show_each_items_author() {
    RetroReport named = report(true, RANKED, null);

    assertThat(texts(RetroNotes.notes(named)))
        .contains("*Wins*\n• Shipped search &amp; more — <@U0AAA1>")
        .noneMatch(t -> t.contains("OKR scorecard"));
    assertThat(texts(RetroNotes.topics(named)))
        .containsExactly(
            "Topics to discuss, by votes",
            "*Sprint 42* · 4 people voted\n"
                + "*1.* *3 votes* · _What didn't go well_ · CI was flaky\n"
                + NotesText.INDENT
                + "again &lt;!channel&gt; — <@U0BBB2>\n"
                + "*2.* *1 vote* · _Learnings_ · Ask &lt;@U0BOSS&gt; early — <@U0CCC3>\n"
                + "*3.* *0 votes* · _Stop_ · Long meetings — <@U0AAA1>\n"
                + "*4.* *0 votes* · _Wins_ · Shipped search &amp; more — <@U0AAA1>");
  }

  @Test
  void an_anonymous_retro_shows_no_author_even_if_one_reached_the_report() {
    List<RetroItem> items =
        List.of(
            item(1, RetroCategory.WINS, "a", "U0SECRET1"),
            item(2, RetroCategory.STOP, "b", "U0SECRET2"));
    RetroReport anonymous =
        new RetroReport(
            retro(RetroPhase.CLOSED, false, null),
            List.of(),
            items,
            RetroReports.rank(items, List.of(new VoteCount(2, 1))),
            1,
            List.of(),
            List.of());

    String all =
        String.join("\n", texts(RetroNotes.notes(anonymous)))
            + String.join("\n", texts(RetroNotes.topics(anonymous)))
            + RetroNotes.markdown(anonymous);

    assertThat(all).contains("• a", "• b", "_Stop_ · b").doesNotContain("U0SECRET");
  }

  @Test
  void without_voting_the_notes_have_no_ranking_and_empty_parts_say_so() {
    RetroReport empty =
        new RetroReport(
            retro(RetroPhase.CLOSED, false, "FY2027-Q1"),
            List.of(),
            List.of(),
            List.of(),
            0,
            List.of(),
            List.of());

    assertThat(texts(RetroNotes.notes(empty)))
        .containsExactly(
            "Retro notes: Sprint 42",
            "0 items · 0 people voted · 0 action items",
            ":dart: *OKR scorecard · FY2027-Q1*\n_No key results imported for this quarter._",
            "_No items were written._",
            "*Action items*\n_No action items._");
    assertThat(texts(RetroNotes.topics(empty)))
        .containsExactly(
            "Topics to discuss, by votes", "*Sprint 42* · 0 people voted\n_No items to discuss._");
  }

  @Test
  void a_long_title_is_cut_to_fit_the_header() {
    Retro long200 =
        new Retro(
            7,
            "C0",
            "t".repeat(200),
            "U0F",
            RetroPhase.CLOSED,
            false,
            3,
            null,
            null,
            NotesFixtures.AT,
            null);
    RetroReport report =
        new RetroReport(long200, List.of(), List.of(), List.of(), 0, List.of(), List.of());

    assertThat(texts(RetroNotes.notes(report)).get(0)).hasSize(150).endsWith("t…");
  }
}
