package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetroRepositoryTest {
  static final Instant AT = Instant.parse("2026-11-20T17:30:00Z");

  static Retro start(RetroRepository repo, String channel, boolean named) {
    return repo.start(channel, "Sprint 42", "U0FAC1", named, 3, null, AT).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_channel_has_one_open_retro_until_it_is_closed(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      Retro first = start(repo, "C0RETRO", false);

      assertThat(first.phase()).isEqualTo(RetroPhase.COLLECTING);
      assertThat(repo.start("C0RETRO", "again", "U0X", false, 3, null, AT)).isEmpty();
      assertThat(repo.start("C0OTHER", "elsewhere", "U0X", true, 5, "FY2027-Q1", AT)).isPresent();

      assertThat(repo.close(first.id(), AT)).isEqualTo(1);
      assertThat(repo.close(first.id(), AT)).isZero();
      assertThat(repo.openIn("C0RETRO")).isEmpty();
      assertThat(repo.start("C0RETRO", "next", "U0X", false, 3, null, AT)).isPresent();
      assertThat(repo.find(first.id()).orElseThrow().closedAt()).isEqualTo(AT);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_phase_moves_only_from_the_phase_it_is_in(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      Retro retro = start(repo, "C0RETRO", false);

      assertThat(repo.votingOpened(retro.id())).isFalse();
      assertThat(repo.openVoting(retro.id(), AT)).isEqualTo(1);
      assertThat(repo.openVoting(retro.id(), AT)).isZero();
      assertThat(repo.votingOpened(retro.id())).isTrue();
      assertThat(repo.move(retro.id(), RetroPhase.COLLECTING, RetroPhase.DISCUSSING)).isZero();
      assertThat(repo.move(retro.id(), RetroPhase.VOTING, RetroPhase.DISCUSSING)).isEqualTo(1);
      assertThat(repo.find(retro.id()).orElseThrow().phase()).isEqualTo(RetroPhase.DISCUSSING);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void anonymous_items_store_no_author_and_named_ones_can_be_edited_only_by_theirs(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      Retro anonymous = start(repo, "C0ANON", false);
      Retro named = start(repo, "C0NAMED", true);
      repo.addItem(anonymous.id(), RetroCategory.WINS, "shipped", null);
      long mine = repo.addItem(named.id(), RetroCategory.LEARNED, "typo", "U0AAA1");

      assertThat(repo.items(anonymous.id())).extracting(RetroItem::author).containsOnlyNulls();
      assertThat(repo.editItem(named.id(), mine, "U0BBB2", RetroCategory.WINS, "hijack")).isZero();
      assertThat(repo.editItem(anonymous.id(), mine, "U0AAA1", RetroCategory.WINS, "elsewhere"))
          .as("only as an item of its own retro")
          .isZero();
      assertThat(repo.editItem(named.id(), mine, "U0AAA1", RetroCategory.STOP, "fixed"))
          .isEqualTo(1);
      assertThat(repo.itemsBy(named.id(), "U0AAA1"))
          .containsExactly(new RetroItem(mine, named.id(), RetroCategory.STOP, "fixed", "U0AAA1"));
      assertThat(repo.deleteItem(named.id(), mine, "U0BBB2")).isZero();
      assertThat(repo.deleteItem(anonymous.id(), mine, "U0AAA1")).isZero();
      assertThat(repo.deleteItem(named.id(), mine, "U0AAA1")).isEqualTo(1);
      assertThat(repo.itemCount(named.id())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_voters_new_ballot_replaces_their_earlier_votes(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      Retro retro = start(repo, "C0RETRO", false);
      long a = repo.addItem(retro.id(), RetroCategory.WINS, "a", null);
      long b = repo.addItem(retro.id(), RetroCategory.WINS, "b", null);
      long c = repo.addItem(retro.id(), RetroCategory.STOP, "c", null);

      repo.replaceVotes(retro.id(), "U0AAA1", Set.of(a, b), AT);
      repo.replaceVotes(retro.id(), "U0AAA1", Set.of(b, c), AT);
      repo.replaceVotes(retro.id(), "U0BBB2", Set.of(b), AT);

      assertThat(repo.votesOf(retro.id(), "U0AAA1")).containsExactly(b, c);
      assertThat(repo.voteCounts(retro.id()))
          .containsExactlyInAnyOrder(new VoteCount(b, 2), new VoteCount(c, 1));
      assertThat(repo.voterCount(retro.id())).isEqualTo(2);
      repo.replaceVotes(retro.id(), "U0BBB2", List.of(), AT);
      assertThat(repo.votesOf(retro.id(), "U0BBB2")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void open_action_items_of_earlier_retros_carry_over_until_their_owner_marks_them_done(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository retros = db.jdbi().onDemand(RetroRepository.class);
      ActionRepository actions = db.jdbi().onDemand(ActionRepository.class);
      Retro first = start(retros, "C0RETRO", false);
      long due =
          actions.add(first.id(), "C0RETRO", "fix CI", "U0AAA1", LocalDate.of(2026, 12, 1), AT);
      long done = actions.add(first.id(), "C0RETRO", "write docs", "U0BBB2", null, AT);
      retros.close(first.id(), AT);
      Retro second = start(retros, "C0RETRO", false);

      assertThat(actions.markDone(done, "U0AAA1", AT)).as("not the owner").isZero();
      assertThat(actions.markDone(done, "U0BBB2", AT)).isEqualTo(1);
      assertThat(actions.markDone(done, "U0BBB2", AT)).isZero();

      assertThat(actions.openBefore("C0RETRO", second.id()))
          .extracting(ActionItem::id)
          .containsExactly(due);
      assertThat(actions.find(due).orElseThrow().dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
      assertThat(actions.ofRetro(first.id())).hasSize(2);
    }
  }
}
