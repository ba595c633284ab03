package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.model.view.ViewState;
import io.drumbeat.DrumbeatException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BallotTest {
  static Map<String, ViewState.Value> ticks(String... values) {
    ViewState.Value value = new ViewState.Value();
    value.setType("checkboxes");
    value.setSelectedOptions(
        List.of(values).stream()
            .map(
                v -> {
                  ViewState.SelectedOption o = new ViewState.SelectedOption();
                  o.setValue(v);
                  return o;
                })
            .toList());
    return Map.of(VoteModal.PICK, value);
  }

  static VotePages.Page page(long... ids) {
    List<VotePages.Entry> entries =
        LongStream.of(ids)
            .mapToObj(
                id ->
                    new VotePages.Entry(
                        (int) id, new RetroItem(id, 7, RetroCategory.WINS, "i" + id, null)))
            .toList();
    return new VotePages.Page(
        List.of(new VotePages.Group(RetroCategory.WINS, true, entries, List.of("x"))));
  }

  @Test
  void ticks_on_the_page_shown_replace_its_carried_ticks_and_the_other_pages_ticks_are_kept() {
    VoteState state = new VoteState(7, 1, 99, new TreeSet<>(Set.of(1L, 2L, 11L, 12L)));

    Ballot ballot =
        Ballot.read(
            state,
            page(11, 12, 13),
            Map.of(VoteModal.blockId(1, 0), ticks("13"), VoteModal.blockId(0, 0), ticks("3")));

    assertThat(ballot.items()).containsExactly(1L, 2L, 13L);
  }

  @Test
  void a_ballot_over_the_limit_says_how_many_items_were_chosen_and_how_many_votes_there_are() {
    Ballot ballot = new Ballot(new TreeSet<>(Set.of(1L, 2L, 3L, 4L, 5L)));

    assertThat(ballot.problem(VotePagesTest.RETRO, Set.of(1L, 2L, 3L, 4L, 5L, 6L)))
        .contains("You chose 5 items but have 3 votes. Untick 2.");
    assertThat(new Ballot(Set.of(1L, 2L, 3L)).problem(VotePagesTest.RETRO, Set.of(1L, 2L, 3L)))
        .isEmpty();
  }

  @Test
  void an_item_of_another_retro_or_a_value_that_is_no_id_is_refused() {
    Map<String, Map<String, ViewState.Value>> values =
        Map.of(VoteModal.blockId(0, 0), ticks("1", "not-an-id"));
    Ballot forged = Ballot.read(VoteState.opened(7, 99, Set.of()), page(1), values);

    assertThat(forged.problem(VotePagesTest.RETRO, Set.of(1L)))
        .get()
        .asString()
        .contains("not in this retro");
    assertThat(new Ballot(Set.of(500L)).problem(VotePagesTest.RETRO, Set.of(1L))).isPresent();
  }

  @Test
  void the_modal_state_carries_hundreds_of_ticks_within_private_metadata() {
    TreeSet<Long> ticked = new TreeSet<>();
    LongStream.range(0, 600).forEach(i -> ticked.add(1_000_000_000L + i * 37));
    VoteState state = new VoteState(123456, 4, 1_000_100_000L, ticked);

    String metadata = state.metadata();

    assertThat(metadata.length()).isLessThanOrEqualTo(3000);
    assertThat(VoteState.parse(metadata)).isEqualTo(state);
    assertThat(VoteState.parse(VoteState.opened(5, 0, Set.of()).metadata()).selected()).isEmpty();
  }

  @Test
  void metadata_this_version_did_not_write_is_refused_as_out_of_date() {
    for (String metadata : new String[] {null, "", "2026-11-20", "v1:x:0:1:", "v1:1:0:1:!"}) {
      assertThatThrownBy(() -> VoteState.parse(metadata))
          .isInstanceOf(DrumbeatException.class)
          .hasMessageContaining("out of date");
    }
  }
}
