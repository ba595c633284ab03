package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** KR retrospectives and final scorecards on H2 and PostgreSQL (migration V9_1). */
class KrRetroRepositoryTest {
  static final String Q = "FY2027-Q1";
  static final Instant AT = Instant.parse("2027-01-18T18:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_kr_retrospective_is_stored_once_per_kr_and_quarter_and_revised_in_place(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository okrs = db.jdbi().onDemand(OkrRepository.class);
      okrs.upsertObjective(new Objective(Q, "O1", "Fast", 0));
      okrs.upsertKeyResult(
          new KeyResult(Q, "KR1.1", "O1", "p99", "U0AAA1", null, BigDecimal.TEN, null, 0));
      KrRetroRepository repo = db.jdbi().onDemand(KrRetroRepository.class);

      boolean first = repo.save(new KrRetro(Q, "KR1.1", "Done", "a", null, "c", "U0AAA1", AT));
      boolean again =
          repo.save(
              new KrRetro(Q, "KR1.1", "Mostly", null, "b", null, "U0AAA1", AT.plusSeconds(60)));

      assertThat(first).isTrue();
      assertThat(again).isFalse();
      assertThat(repo.ofQuarter(Q))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.outcome()).isEqualTo("Mostly");
                assertThat(r.worked()).isNull();
                assertThat(r.didnt()).isEqualTo("b");
                assertThat(r.updatedAt()).isEqualTo(AT.plusSeconds(60));
              });
      assertThat(repo.find("FY2027-Q2", "KR1.1")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_scorecard_is_made_final_once(TestDb t) {
    try (Database db = t.open()) {
      KrRetroRepository repo = db.jdbi().onDemand(KrRetroRepository.class);

      assertThat(repo.isFinal(Q)).isFalse();
      assertThat(repo.finalise(Q, AT)).isEqualTo(1);
      assertThat(repo.finalise(Q, AT.plusSeconds(1))).isZero();
      assertThat(repo.isFinal(Q)).isTrue();
      assertThat(repo.isFinal("FY2027-Q2")).isFalse();
    }
  }
}
