package io.drumbeat.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drumbeat.okr.CheckIn;
import io.drumbeat.okr.CheckInStatus;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.Objective;
import io.drumbeat.okr.OkrRepository;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetroReportsTest {
  static final Instant AT = Instant.parse("2026-11-20T17:30:00Z");
  static final String Q = "FY2027-Q1";

  static RetroReports reports(Database db) {
    return new RetroReports(db.jdbi(), new Scorecard(db.jdbi()));
  }

  static RetroReport load(Database db, Retro retro) {
    return reports(db).load(retro.id()).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_unknown_retro_has_no_report(TestDb t) {
    try (Database db = t.open()) {
      assertThat(reports(db).load(404)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void topics_are_ranked_by_votes_then_the_fixed_random_order_once_voting_opened(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      Retro retro = repo.start("C0RETRO", "Sprint 42", "U0FAC1", false, 3, null, AT).orElseThrow();
      long a = repo.addItem(retro.id(), RetroCategory.WINS, "a", null);
      long b = repo.addItem(retro.id(), RetroCategory.STOP, "b", null);
      long c = repo.addItem(retro.id(), RetroCategory.NOT_WELL, "c", null);
      long d = repo.addItem(retro.id(), RetroCategory.WINS, "d", null);

      assertThat(load(db, retro).ranked()).as("still collecting").isEmpty();

      repo.openVoting(retro.id(), AT);
      repo.replaceVotes(retro.id(), "U0AAA1", Set.of(c, d), AT);
      repo.replaceVotes(retro.id(), "U0BBB2", Set.of(b, d), AT);
      repo.move(retro.id(), RetroPhase.VOTING, RetroPhase.DISCUSSING);
      RetroReport report = load(db, retro);

      RetroKey key = db.jdbi().inTransaction(h -> RetroKey.of(h, retro.id()));
      List<Long> order = key.order(repo.items(retro.id())).stream().map(RetroItem::id).toList();
      long first = order.indexOf(b) < order.indexOf(c) ? b : c;
      long second = first == b ? c : b;
      assertThat(report.ranked())
          .as("ties in the retro's fixed random order")
          .extracting(topic -> topic.item().id(), RankedTopic::votes)
          .containsExactly(tuple(d, 2), tuple(first, 1), tuple(second, 1), tuple(a, 0));
      assertThat(report.voters()).isEqualTo(2);
      assertThat(report.items()).extracting(RetroItem::id).isEqualTo(order);
      assertThat(report.scorecard()).isEmpty();
      repo.close(retro.id(), AT);
      assertThat(load(db, retro).ranked()).hasSize(4);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_retro_closed_straight_from_collecting_has_no_ranking(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      Retro retro = repo.start("C0RETRO", "Sprint 42", "U0FAC1", true, 3, null, AT).orElseThrow();
      repo.addItem(retro.id(), RetroCategory.WINS, "a", "U0AAA1");
      repo.close(retro.id(), AT);

      RetroReport report = load(db, retro);

      assertThat(report.retro().phase()).isEqualTo(RetroPhase.CLOSED);
      assertThat(report.ranked()).isEmpty();
      assertThat(report.items()).extracting(RetroItem::author).containsExactly("U0AAA1");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_report_has_the_quarters_scorecard_and_this_and_earlier_retros_action_items(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      ActionRepository actions = db.jdbi().onDemand(ActionRepository.class);
      OkrRepository okrs = db.jdbi().onDemand(OkrRepository.class);
      okrs.upsertObjective(new Objective(Q, "O1", "Fast", 0));
      okrs.upsertKeyResult(
          new KeyResult(Q, "KR1.1", "O1", "p99", "U0AAA1", null, BigDecimal.TEN, "ms", 0));
      okrs.saveCheckIn(
          new CheckIn(
              Q,
              "KR1.1",
              "2026-W47",
              CheckInStatus.AT_RISK,
              BigDecimal.ONE,
              5,
              null,
              "U0AAA1",
              AT,
              null,
              null));
      Retro first = repo.start("C0RETRO", "Sprint 41", "U0FAC1", false, 3, null, AT).orElseThrow();
      long open = actions.add(first.id(), "C0RETRO", "fix CI", "U0AAA1", null, AT);
      long done = actions.add(first.id(), "C0RETRO", "docs", "U0BBB2", null, AT);
      actions.markDone(done, "U0BBB2", AT);
      repo.close(first.id(), AT);
      Retro other = repo.start("C0OTHER", "Elsewhere", "U0FAC1", false, 3, null, AT).orElseThrow();
      actions.add(other.id(), "C0OTHER", "not ours", "U0AAA1", null, AT);
      Retro second = repo.start("C0RETRO", "Sprint 42", "U0FAC1", false, 3, Q, AT).orElseThrow();
      LocalDate due = LocalDate.of(2026, 12, 1);
      long agreed = actions.add(second.id(), "C0RETRO", "ship it", "U0BBB2", due, AT);

      RetroReport report = load(db, second);

      assertThat(report.scorecard())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.kr().krKey()).isEqualTo("KR1.1");
                assertThat(l.last().status()).isEqualTo(CheckInStatus.AT_RISK);
              });
      assertThat(report.actions()).extracting(ActionItem::id).containsExactly(agreed);
      assertThat(report.actions().get(0).dueDate()).isEqualTo(due);
      assertThat(report.carriedOver()).extracting(ActionItem::id).containsExactly(open);
      assertThat(load(db, first).scorecard()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_quarter_without_key_results_gives_an_empty_scorecard(TestDb t) {
    try (Database db = t.open()) {
      RetroRepository repo = db.jdbi().onDemand(RetroRepository.class);
      Retro retro = repo.start("C0RETRO", "Q review", "U0FAC1", false, 3, Q, AT).orElseThrow();

      RetroReport report = load(db, retro);

      assertThat(report.retro().okrQuarter()).isEqualTo(Q);
      assertThat(report.scorecard()).isEmpty();
      assertThat(report.items()).isEmpty();
      assertThat(report.actions()).isEmpty();
      assertThat(report.carriedOver()).isEmpty();
    }
  }
}
