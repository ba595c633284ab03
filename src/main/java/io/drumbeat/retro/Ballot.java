package io.drumbeat.retro;

import com.slack.api.model.view.ViewState;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A voter's choice in the voting modal: the items ticked on the page shown plus those carried from
 * the other pages.
 *
 * @param items the chosen item ids, ascending (not yet checked against the retro)
 */
record Ballot(Set<Long> items) {
  /** Stands for a ticked value that is no item id, so {@link #problem} reports it. */
  private static final long NOT_AN_ID = -1;

  Ballot {
    items = Collections.unmodifiableSortedSet(new TreeSet<>(items));
  }

  /**
   * Reads what is ticked: the carried selection of {@code state}, with the items of {@code page}
   * (the page shown) as ticked in {@code values} ({@code view.state.values}).
   */
  static Ballot read(
      VoteState state, VotePages.Page page, Map<String, Map<String, ViewState.Value>> values) {
    SortedSet<Long> chosen = new TreeSet<>(state.selected());
    chosen.removeAll(page.itemIds());
    String prefix = VoteModal.blockIdPrefix(state.page());
    for (var block :
        (values == null ? Map.<String, Map<String, ViewState.Value>>of() : values).entrySet()) {
      ViewState.Value value =
          block.getValue() == null ? null : block.getValue().get(VoteModal.PICK);
      if (!block.getKey().startsWith(prefix) || value == null) {
        continue;
      }
      if (value.getSelectedOptions() != null) {
        value.getSelectedOptions().forEach(o -> chosen.add(id(o.getValue())));
      }
    }
    return new Ballot(chosen);
  }

  /**
   * Why this ballot cannot be cast in {@code retro}, whose items are {@code itemIds}: an item that
   * is not one of them, or more items than the voter has votes.
   */
  Optional<String> problem(Retro retro, Set<Long> itemIds) {
    if (!itemIds.containsAll(items)) {
      return Optional.of(
          "Some ticked items are not in this retro any more. Close this form and click Vote again.");
    }
    int votes = retro.votesPerPerson();
    if (items.size() > votes) {
      return Optional.of(
          "You chose "
              + items.size()
              + " items but have "
              + votes
              + (votes == 1 ? " vote" : " votes")
              + ". Untick "
              + (items.size() - votes)
              + ".");
    }
    return Optional.empty();
  }

  private static long id(String value) {
    try {
      return value == null ? NOT_AN_ID : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return NOT_AN_ID;
    }
  }
}
