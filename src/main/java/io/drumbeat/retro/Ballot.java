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
 * @param refs the references ({@link RetroKey#ref}) of the chosen items, as the client sent them
 *     (not yet checked against the retro)
 */
record Ballot(Set<String> refs) {
  Ballot {
    refs = Collections.unmodifiableSortedSet(new TreeSet<>(refs));
  }

  /**
   * Reads what is ticked: the carried selection of {@code state}, with the items of {@code page}
   * (the page shown) as ticked in {@code values} ({@code view.state.values}).
   */
  static Ballot read(
      VoteState state, VotePages.Page page, Map<String, Map<String, ViewState.Value>> values) {
    SortedSet<String> chosen = new TreeSet<>(state.selected());
    chosen.removeAll(page.refs());
    String prefix = VoteModal.blockIdPrefix(state.page());
    for (var block :
        (values == null ? Map.<String, Map<String, ViewState.Value>>of() : values).entrySet()) {
      ViewState.Value value =
          block.getValue() == null ? null : block.getValue().get(VoteModal.PICK);
      if (!block.getKey().startsWith(prefix) || value == null) {
        continue;
      }
      if (value.getSelectedOptions() != null) {
        value
            .getSelectedOptions()
            .forEach(o -> chosen.add(o.getValue() == null ? "" : o.getValue()));
      }
    }
    return new Ballot(chosen);
  }

  /**
   * Why this ballot cannot be cast in {@code retro}, whose items' references are {@code itemRefs}:
   * a reference that is none of them (another retro's, or made up), or more items than the voter
   * has votes.
   */
  Optional<String> problem(Retro retro, Set<String> itemRefs) {
    if (!itemRefs.containsAll(refs)) {
      return Optional.of(
          "Some ticked items are not in this retro any more. Close this form and click Vote again.");
    }
    int votes = retro.votesPerPerson();
    if (refs.size() > votes) {
      return Optional.of(
          "You chose "
              + refs.size()
              + " items but have "
              + votes
              + (votes == 1 ? " vote" : " votes")
              + ". Untick "
              + (refs.size() - votes)
              + ".");
    }
    return Optional.empty();
  }
}
