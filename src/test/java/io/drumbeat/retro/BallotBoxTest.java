package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BallotBoxTest {
  static final Instant AT = Instant.parse("2026-11-20T18:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_ballot_is_cast_only_while_the_retro_is_voting(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      BallotBox box = db.jdbi().onDemand(BallotBox.class);
      Retro retro = repo.start("C0RETRO", "Sprint 42", "U0FAC1", false, 3, null, AT).orElseThrow();
      long a = repo.addItem(retro.id(), RetroCategory.WINS, "a", null);
      long b = repo.addItem(retro.id(), RetroCategory.STOP, "b", null);

      assertThat(box.cast(retro.id(), "U0AAA1", List.of(a), AT)).as("collecting").isFalse();
      repo.move(retro.id(), RetroPhase.COLLECTING, RetroPhase.VOTING);
      assertThat(box.cast(retro.id(), "U0AAA1", List.of(a, b), AT)).isTrue();
      repo.move(retro.id(), RetroPhase.VOTING, RetroPhase.DISCUSSING);
      assertThat(box.cast(retro.id(), "U0AAA1", List.of(b), AT)).as("discussing").isFalse();
      assertThat(box.cast(retro.id() + 1, "U0AAA1", List.of(b), AT)).as("no such retro").isFalse();

      assertThat(repo.votesOf(retro.id(), "U0AAA1")).containsExactly(a, b);
    }
  }
}
