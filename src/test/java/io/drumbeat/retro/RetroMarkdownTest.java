package io.drumbeat.retro;

import static io.drumbeat.retro.NotesFixtures.action;
import static io.drumbeat.retro.NotesFixtures.item;
import static io.drumbeat.retro.NotesFixtures.retro;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetroMarkdownTest {
  @Test
  void the_markdown_has_the_same_parts_as_the_notes() {
    List<RetroItem> items =
        List.of(
            item(1, RetroCategory.STOP, "Long meetings", "U0AAA1"),
            item(2, RetroCategory.WINS, "Shipped\nsearch", "U0BBB2"));
    RetroReport report =
        new RetroReport(
            retro(RetroPhase.CLOSED, true, "FY2027-Q1"),
            NotesFixtures.scorecard(2),
            items,
            RetroReports.rank(items, List.of(new VoteCount(1, 2))),
            2,
            List.of(
                action(10, "Fix CI", "U0AAA1", LocalDate.of(2026, 12, 1), false),
                action(11, "Docs", "U0BBB2", null, true)),
            List.of(action(5, "Old thing", "U0CCC3", null, false)));

    assertThat(RetroNotes.markdown(report))
        .isEqualTo(
            """
            # Retro notes: Sprint 42

            2 items · 2 people voted · 2 action items

            ## OKR scorecard: FY2027-Q1

            ### Objective 1

            - **KR1.1** Result \\<0\\>: no check-in · target 200 ms · grade 0.0 · @U0OWN0
            - **KR1.2** Result \\<1\\>: At risk (2026-W47) · 1 / 200 ms (1%) · grade 0.0 · @U0OWN1

            ## Wins

            - Shipped\\
              search — @U0BBB2

            ## Stop

            - Long meetings — @U0AAA1

            ## Topics by votes

            1. **2 votes** · Stop · Long meetings — @U0AAA1
            2. **0 votes** · Wins · Shipped search — @U0BBB2

            ## Action items

            - [ ] Fix CI — @U0AAA1, due 2026-12-01
            - [x] Docs — @U0BBB2

            ## Still open from earlier retros

            - [ ] Old thing — @U0CCC3
            """);
  }

  @Test
  void user_text_in_items_and_actions_cannot_change_the_document_or_load_an_image() {
    List<RetroItem> items =
        List.of(item(1, RetroCategory.WINS, "![](https://t.example/p.png)\n# R&D", null));
    RetroReport report =
        new RetroReport(
            retro(RetroPhase.CLOSED, false, null),
            List.of(),
            items,
            RetroReports.rank(items, List.of()),
            0,
            List.of(action(10, "<script>x</script>\n> *now*", "U0AAA1", null, false)),
            List.of());

    String md = RetroNotes.markdown(report);

    assertThat(md)
        .contains("- !\\[\\](https://t.example/p.png)\\\n  \\# R\\&D\n")
        .contains("- [ ] \\<script\\>x\\</script\\>\\\n  \\> \\*now\\* — @U0AAA1\n")
        .doesNotContain("![", "<script>");
  }
}
