package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link RetroReports} ranks topics and decides whether voting opened. */
class RetroRankingTest {
  static RetroItem item(long id) {
    return new RetroItem(id, 1, RetroCategory.WINS, "item " + id, null);
  }

  @Test
  void ranking_puts_most_votes_first_breaks_ties_by_id_and_keeps_unvoted_items() {
    List<RetroItem> items = List.of(item(1), item(2), item(3), item(4));
    List<VoteCount> counts = List.of(new VoteCount(3, 2), new VoteCount(2, 2), new VoteCount(9, 7));

    assertThat(RetroReports.rank(items, counts))
        .containsExactly(
            new RankedTopic(item(2), 2),
            new RankedTopic(item(3), 2),
            new RankedTopic(item(1), 0),
            new RankedTopic(item(4), 0));
    assertThat(RetroReports.rank(List.of(), counts)).isEmpty();
  }

  @Test
  void voting_counts_as_opened_from_the_voting_phase_and_for_a_closed_retro_with_ballots() {
    assertThat(RetroReports.votingOpened(RetroPhase.COLLECTING, false)).isFalse();
    assertThat(RetroReports.votingOpened(RetroPhase.VOTING, true)).isTrue();
    assertThat(RetroReports.votingOpened(RetroPhase.DISCUSSING, true)).isTrue();
    assertThat(RetroReports.votingOpened(RetroPhase.CLOSED, false)).isFalse();
    assertThat(RetroReports.votingOpened(RetroPhase.CLOSED, true)).isTrue();
  }
}
