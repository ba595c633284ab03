package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OkrRepositoryTest {
  static final String Q = "FY2027-Q4";
  static final Instant AT = Instant.parse("2026-11-20T22:00:00Z");

  static KeyResult kr(String quarter, String key, String objective, String owner, int position) {
    return new KeyResult(
        quarter, key, objective, "Title " + key, owner, null, new BigDecimal("10"), "ms", position);
  }

  static CheckIn checkIn(String key, String week, CheckInStatus status, String value) {
    BigDecimal v = new BigDecimal(value);
    return new CheckIn(Q, key, week, status, v, 7, "note " + week, "U0AAA1", AT, null, null);
  }

  /** Quarter FY2027-Q4 with O1 (KR1.1 by U0BBB2, KR1.2 by U0AAA1) and O2 (KR2.1 by U0BBB2). */
  static OkrRepository seeded(Database db) {
    OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);
    repo.upsertObjective(new Objective(Q, "O1", "Fast", 0));
    repo.upsertObjective(new Objective(Q, "O2", "Easy", 1));
    repo.upsertKeyResult(kr(Q, "KR1.1", "O1", "U0BBB2", 0));
    repo.upsertKeyResult(kr(Q, "KR1.2", "O1", "U0AAA1", 1));
    repo.upsertKeyResult(kr(Q, "KR2.1", "O2", "U0BBB2", 2));
    return repo;
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void upserting_an_objective_inserts_it_then_updates_title_and_position(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);

      assertThat(repo.upsertObjective(new Objective(Q, "O1", "Old", 0))).isTrue();
      assertThat(repo.upsertObjective(new Objective(Q, "O1", "New", 3))).isFalse();

      assertThat(repo.objectives(Q)).containsExactly(new Objective(Q, "O1", "New", 3));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void upserting_a_key_result_inserts_it_then_updates_every_field(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = seeded(db);
      KeyResult changed =
          new KeyResult(
              Q, "KR1.1", "O2", "Renamed", "U0CCC3", new BigDecimal("2.5"), null, null, 9);

      assertThat(repo.upsertKeyResult(changed)).isFalse();

      KeyResult read = repo.keyResult(Q, "KR1.1").orElseThrow();
      assertThat(read.objectiveKey()).isEqualTo("O2");
      assertThat(read.title()).isEqualTo("Renamed");
      assertThat(read.ownerId()).isEqualTo("U0CCC3");
      assertThat(read.startValue()).isEqualByComparingTo("2.5");
      assertThat(read.targetValue()).isNull();
      assertThat(read.unit()).isNull();
      assertThat(read.position()).isEqualTo(9);
      assertThat(repo.keyResults(Q)).extracting(KeyResult::krKey).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void saving_a_check_in_again_in_the_same_week_revises_it_and_keeps_the_echo(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = seeded(db);
      assertThat(repo.saveCheckIn(checkIn("KR1.1", "2026-W47", CheckInStatus.AT_RISK, "4")))
          .isTrue();
      repo.setEcho(Q, "KR1.1", "2026-W47", "C0OKRS", "1700000000.000100");

      CheckIn revised =
          new CheckIn(
              Q,
              "KR1.1",
              "2026-W47",
              CheckInStatus.ON_TRACK,
              new BigDecimal("8.5"),
              9,
              "better",
              "U0BBB2",
              AT.plusSeconds(60),
              null,
              null);
      assertThat(repo.saveCheckIn(revised)).isFalse();

      assertThat(repo.history(Q, "KR1.1")).hasSize(1);
      CheckIn read = repo.checkIn(Q, "KR1.1", "2026-W47").orElseThrow();
      assertThat(read.status()).isEqualTo(CheckInStatus.ON_TRACK);
      assertThat(read.currentValue()).isEqualByComparingTo("8.5");
      assertThat(read.confidence()).isEqualTo(9);
      assertThat(read.note()).isEqualTo("better");
      assertThat(read.authorId()).isEqualTo("U0BBB2");
      assertThat(read.submittedAt()).isEqualTo(AT.plusSeconds(60));
      assertThat(read.echoChannel()).isEqualTo("C0OKRS");
      assertThat(read.echoTs()).isEqualTo("1700000000.000100");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void check_ins_of_given_weeks_and_the_latest_before_a_week_are_picked(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = seeded(db);
      repo.saveCheckIn(checkIn("KR1.1", "2026-W45", CheckInStatus.ON_TRACK, "1"));
      repo.saveCheckIn(checkIn("KR1.1", "2026-W47", CheckInStatus.AT_RISK, "2"));
      repo.saveCheckIn(checkIn("KR1.2", "2026-W47", CheckInStatus.DONE, "3"));
      repo.saveCheckIn(checkIn("KR1.2", "2026-W48", CheckInStatus.DONE, "4"));
      repo.saveCheckIn(checkIn("KR2.1", "2026-W46", CheckInStatus.OFF_TRACK, "5"));

      assertThat(repo.checkIns(Q, List.of("2026-W47")))
          .extracting(c -> c.krKey() + "@" + c.isoWeek())
          .containsExactly("KR1.1@2026-W47", "KR1.2@2026-W47");
      assertThat(repo.checkIns(Q, List.of("2026-W46", "2026-W48")))
          .extracting(c -> c.krKey() + "@" + c.isoWeek())
          .containsExactly("KR1.2@2026-W48", "KR2.1@2026-W46");
      assertThat(repo.checkIns("FY2027-Q3", List.of("2026-W47"))).isEmpty();

      assertThat(repo.checkInBefore(Q, "KR1.1", "2026-W48").map(CheckIn::isoWeek))
          .contains("2026-W47");
      assertThat(repo.checkInBefore(Q, "KR1.1", "2026-W47").map(CheckIn::isoWeek))
          .contains("2026-W45");
      assertThat(repo.checkInBefore(Q, "KR1.1", "2026-W45")).isEmpty();
      assertThat(repo.checkInBefore(Q, "KR2.1", "2027-W01").map(CheckIn::currentValue))
          .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void history_is_ordered_by_week_whatever_the_order_of_saving(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = seeded(db);
      for (String week : List.of("2026-W48", "2026-W45", "2027-W01", "2026-W53", "2026-W46")) {
        repo.saveCheckIn(checkIn("KR1.1", week, CheckInStatus.ON_TRACK, "1"));
      }

      assertThat(repo.history(Q, "KR1.1"))
          .extracting(CheckIn::isoWeek)
          .containsExactly("2026-W45", "2026-W46", "2026-W48", "2026-W53", "2027-W01");
      assertThat(repo.history(Q, "KR1.2")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_reminder_is_claimed_once_and_can_be_claimed_again_after_release(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);

      assertThat(repo.claimReminder("U0AAA1", "2026-W47", AT)).isEqualTo(1);
      assertThat(repo.claimReminder("U0AAA1", "2026-W47", AT.plusSeconds(5))).isZero();
      assertThat(repo.claimReminder("U0AAA1", "2026-W48", AT)).isEqualTo(1);
      assertThat(repo.claimReminder("U0BBB2", "2026-W47", AT)).isEqualTo(1);
      assertThat(repo.reminderCount("U0AAA1", "2026-W47")).isEqualTo(1);

      assertThat(repo.releaseReminder("U0AAA1", "2026-W47")).isEqualTo(1);
      assertThat(repo.reminderCount("U0AAA1", "2026-W47")).isZero();
      assertThat(repo.claimReminder("U0AAA1", "2026-W47", AT)).isEqualTo(1);
      assertThat(repo.reminderCount("U0AAA1", "2026-W48")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void of_two_concurrent_claims_exactly_one_wins(TestDb t) throws Exception {
    try (Database db = t.open()) {
      OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 20; round++) {
          String week = String.format("2026-W%02d", round + 1);
          CyclicBarrier start = new CyclicBarrier(2);
          Callable<Integer> claim =
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return repo.claimReminder("U0AAA1", week, AT);
              };
          Future<Integer> first = pool.submit(claim);
          Future<Integer> second = pool.submit(claim);

          List<Integer> results =
              List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
          assertThat(results).as("round %d", round).containsExactlyInAnyOrder(0, 1);
          assertThat(repo.reminderCount("U0AAA1", week)).isEqualTo(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void owners_are_distinct_sorted_and_of_the_quarter_only(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = seeded(db);
      repo.upsertObjective(new Objective("FY2027-Q3", "O1", "Earlier", 0));
      repo.upsertKeyResult(kr("FY2027-Q3", "KR1.1", "O1", "U0000Z", 0));

      assertThat(repo.owners(Q)).containsExactly("U0AAA1", "U0BBB2");
      assertThat(repo.owners("FY2027-Q3")).containsExactly("U0000Z");
      assertThat(repo.owners("FY2028-Q1")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void key_results_owned_by_someone_are_filtered_by_quarter_in_file_order(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = seeded(db);
      repo.upsertObjective(new Objective("FY2027-Q3", "O1", "Earlier", 0));
      repo.upsertKeyResult(kr("FY2027-Q3", "KR9", "O1", "U0BBB2", 0));

      assertThat(repo.keyResultsOwnedBy(Q, "U0BBB2"))
          .extracting(KeyResult::krKey)
          .containsExactly("KR1.1", "KR2.1");
      assertThat(repo.keyResultsOwnedBy("FY2027-Q3", "U0BBB2"))
          .extracting(KeyResult::krKey)
          .containsExactly("KR9");
      assertThat(repo.keyResultsOwnedBy(Q, "U0NOKR")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_latest_check_in_of_each_key_result_is_the_one_of_its_latest_week(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = seeded(db);
      repo.saveCheckIn(checkIn("KR1.1", "2026-W48", CheckInStatus.DONE, "10"));
      repo.saveCheckIn(checkIn("KR1.1", "2026-W46", CheckInStatus.AT_RISK, "3"));
      repo.saveCheckIn(checkIn("KR2.1", "2026-W45", CheckInStatus.ON_TRACK, "5"));
      repo.upsertObjective(new Objective("FY2027-Q3", "O1", "Earlier", 0));
      repo.upsertKeyResult(kr("FY2027-Q3", "KR1.1", "O1", "U0000Z", 0));

      assertThat(repo.latestCheckIns(Q))
          .extracting(CheckIn::krKey, CheckIn::isoWeek, CheckIn::status)
          .containsExactly(
              tuple("KR1.1", "2026-W48", CheckInStatus.DONE),
              tuple("KR2.1", "2026-W45", CheckInStatus.ON_TRACK));
      assertThat(repo.latestCheckIns("FY2027-Q3")).isEmpty();
    }
  }
}
