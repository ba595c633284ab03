package io.drumbeat.retro;

import io.drumbeat.okr.Scorecard;
import io.drumbeat.okr.ScorecardLine;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Loads a {@link RetroReport}: items, ranked topics, action items and the scorecard. */
public final class RetroReports {
  private final Jdbi jdbi;
  private final Scorecard scorecard;

  /**
   * @param jdbi database
   * @param scorecard KR scorecards (for retros started with {@code --okrs})
   */
  public RetroReports(Jdbi jdbi, Scorecard scorecard) {
    this.jdbi = jdbi;
    this.scorecard = scorecard;
  }

  /**
   * The report of retro {@code id}: items in the retro's fixed random order ({@code
   * RetroKey.order}); ranked topics are filled once voting opened (phase voting or later), ordered
   * by votes (most first), then that order. A retro closed straight from collecting (voting never
   * opened) has no ranking. Items of an anonymous retro never carry an author.
   *
   * @return empty when there is no such retro
   */
  public Optional<RetroReport> load(long id) {
    return jdbi.inTransaction(
        h -> {
          RetroRepository retros = h.attach(RetroRepository.class);
          ActionRepository actions = h.attach(ActionRepository.class);
          return retros
              .find(id)
              .map(
                  retro -> {
                    List<RetroItem> items =
                        anonymised(retro, RetroKey.of(h, id).order(retros.items(id)));
                    int voters = retros.voterCount(id);
                    List<RankedTopic> ranked =
                        votingOpened(retro.phase(), retros.votingOpened(id))
                            ? rank(items, retros.voteCounts(id))
                            : List.of();
                    return new RetroReport(
                        retro,
                        scorecard(retro),
                        items,
                        ranked,
                        voters,
                        actions.ofRetro(id),
                        actions.openBefore(retro.channel(), id));
                  });
        });
  }

  private List<ScorecardLine> scorecard(Retro retro) {
    return retro.okrQuarter() == null ? List.of() : scorecard.of(retro.okrQuarter());
  }

  /**
   * Whether a retro in {@code phase} had its voting opened: always in voting and discussing, and
   * for a closed retro when {@code opened} (it went through voting).
   */
  static boolean votingOpened(RetroPhase phase, boolean opened) {
    return switch (phase) {
      case COLLECTING -> false;
      case VOTING, DISCUSSING -> true;
      case CLOSED -> opened;
    };
  }

  /**
   * Ranks {@code items}: most votes first, ties in the order of {@code items}; items nobody voted
   * for are included with 0 votes. Counts of items not in {@code items} are ignored.
   *
   * @return one topic per item
   */
  public static List<RankedTopic> rank(List<RetroItem> items, List<VoteCount> counts) {
    Map<Long, Integer> votes =
        counts.stream()
            .collect(Collectors.toMap(VoteCount::itemId, VoteCount::votes, Integer::sum));
    return items.stream()
        .map(item -> new RankedTopic(item, votes.getOrDefault(item.id(), 0)))
        .sorted(Comparator.comparingInt(RankedTopic::votes).reversed())
        .toList();
  }

  private static List<RetroItem> anonymised(Retro retro, List<RetroItem> items) {
    if (retro.named()) {
      return items;
    }
    return items.stream()
        .map(i -> new RetroItem(i.id(), i.retroId(), i.category(), i.text(), null))
        .toList();
  }
}
