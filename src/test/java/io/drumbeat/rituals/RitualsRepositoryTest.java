package io.drumbeat.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The agenda and the digest's reads, on H2 and PostgreSQL. */
class RitualsRepositoryTest {
  static final Instant AT = Instant.parse("2026-11-30T17:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void agenda_items_are_pending_until_archived_with_a_digest(TestDb db) {
    try (Database database = db.open()) {
      RitualsRepository repo = database.jdbi().onDemand(RitualsRepository.class);
      long first = repo.addAgenda("Hiring", "U0AAA1", AT);
      long second = repo.addAgenda("Budget", "U0BBB2", AT);
      assertThat(repo.archiveAgendaItem(first, "okr-digest:x:1", AT)).isEqualTo(1);
      assertThat(repo.pendingAgenda()).extracting(AgendaItem::id).containsExactly(second);
      assertThat(repo.pendingAgendaItem(first)).isEmpty();
      assertThat(repo.removeAgenda(first)).isZero();
      assertThat(repo.removeAgenda(second)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void open_actions_come_by_due_date_with_undated_last_and_updates_carry_their_team(TestDb db) {
    try (Database database = db.open()) {
      database
          .jdbi()
          .useHandle(
              h -> {
                long r = DigestSectionsEndToEndTest.retro(h, "Sprint");
                DigestSectionsEndToEndTest.action(h, r, "undated", "U1", null);
                DigestSectionsEndToEndTest.action(h, r, "late", "U1", LocalDate.of(2026, 12, 2));
                DigestSectionsEndToEndTest.action(h, r, "soon", "U1", LocalDate.of(2026, 12, 1));
                DigestSectionsEndToEndTest.update(
                    h, "U1", LocalDate.of(2026, 11, 30), "Blocked", "payments");
              });
      RitualsRepository repo = database.jdbi().onDemand(RitualsRepository.class);
      assertThat(repo.openActions())
          .extracting(OpenAction::text)
          .containsExactly("soon", "late", "undated");
      assertThat(repo.updatesSince(LocalDate.of(2026, 11, 1)))
          .containsExactly(
              new BlockerReport("U1", LocalDate.of(2026, 11, 30), "Blocked", "payments"));
    }
  }
}
