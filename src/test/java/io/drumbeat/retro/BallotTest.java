package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.model.view.ViewState;
import io.drumbeat.DrumbeatException;
import java.nio.charset.StandardCharsets;
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

  /** A page of the items with these ids, each with the reference "r" + id. */
  static VotePages.Page page(long... ids) {
    List<VotePages.Entry> entries =
        LongStream.of(ids)
            .mapToObj(
                id ->
                    new VotePages.Entry(
                        (int) id,
                        new RetroItem(id, 7, RetroCategory.WINS, "i" + id, null),
                        "r" + id))
            .toList();
    return new VotePages.Page(
        List.of(new VotePages.Group(RetroCategory.WINS, true, entries, List.of("x"))));
  }

  static final RetroKey KEY =
      new RetroKey("a test key of 32 bytes, not secret".getBytes(StandardCharsets.UTF_8));

  @Test
  void ticks_on_the_page_shown_replace_its_carried_ticks_and_the_other_pages_ticks_are_kept() {
    VoteState state = new VoteState(7, 1, "seal", Set.of("r1", "r2", "r11", "r12"));

    Ballot ballot =
        Ballot.read(
            state,
            page(11, 12, 13),
            Map.of(VoteModal.blockId(1, 0), ticks("r13"), VoteModal.blockId(0, 0), ticks("r3")));

    assertThat(ballot.refs()).containsExactlyInAnyOrder("r1", "r2", "r13");
  }

  @Test
  void a_ballot_over_the_limit_says_how_many_items_were_chosen_and_how_many_votes_there_are() {
    Ballot ballot = new Ballot(Set.of("r1", "r2", "r3", "r4", "r5"));

    assertThat(ballot.problem(VotePagesTest.RETRO, Set.of("r1", "r2", "r3", "r4", "r5", "r6")))
        .contains("You chose 5 items but have 3 votes. Untick 2.");
    assertThat(
            new Ballot(Set.of("r1", "r2", "r3"))
                .problem(VotePagesTest.RETRO, Set.of("r1", "r2", "r3")))
        .isEmpty();
  }

  @Test
  void an_item_of_another_retro_or_a_value_that_is_no_reference_is_refused() {
    Map<String, Map<String, ViewState.Value>> values =
        Map.of(VoteModal.blockId(0, 0), ticks("r1", "not-a-ref"));
    Ballot forged = Ballot.read(VoteState.opened(KEY, 7, "U0AAA1", Set.of()), page(1), values);

    assertThat(forged.problem(VotePagesTest.RETRO, Set.of("r1")))
        .get()
        .asString()
        .contains("not in this retro");
    assertThat(new Ballot(Set.of("r500")).problem(VotePagesTest.RETRO, Set.of("r1"))).isPresent();
  }

  @Test
  void the_modal_state_carries_two_hundred_ticks_within_private_metadata() {
    RetroKey key = KEY;
    Set<String> ticked = new TreeSet<>();
    LongStream.range(0, 200).forEach(i -> ticked.add(key.ref(1_000_000_000L + i * 37)));
    VoteState state = VoteState.opened(key, 123456, "U0AAA1", ticked).turnedTo(4, ticked);

    String metadata = state.metadata();

    assertThat(metadata.length()).isLessThanOrEqualTo(3000);
    assertThat(VoteState.parse(metadata)).isEqualTo(state);
    assertThat(VoteState.parse(metadata).openedFor(key, "U0AAA1")).isTrue();
    assertThat(VoteState.parse(metadata).openedFor(key, "U0BBB2")).isFalse();
    assertThat(VoteState.parse(VoteState.opened(key, 5, "U0AAA1", Set.of()).metadata()).selected())
        .isEmpty();
  }

  @Test
  void metadata_this_version_did_not_write_is_refused_as_out_of_date() {
    for (String metadata :
        new String[] {
          null,
          "",
          "2026-11-20",
          "v1:12:0:340:9a.1.3",
          "v2:x:0:seal:",
          "v2:1:0:seal:a..b",
          "v2:1:0::"
        }) {
      assertThatThrownBy(() -> VoteState.parse(metadata))
          .isInstanceOf(DrumbeatException.class)
          .hasMessageContaining("out of date");
    }
  }
}
