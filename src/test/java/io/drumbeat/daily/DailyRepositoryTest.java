package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DailyRepositoryTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-20");
  static final Instant AT = Instant.parse("2026-11-20T17:30:00Z");

  static DailyUpdate update(String user, LocalDate day, String text) {
    return new DailyUpdate(user, day, text, "next " + text, null, AT);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void saving_inserts_the_first_update_of_a_date_then_revises_it_in_place(TestDb t) {
    try (Database db = t.open()) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);
      DailyUpdate revised =
          new DailyUpdate("U0AAA1", DAY, "second", null, "stuck", AT.plusSeconds(600));

      assertThat(repo.save(update("U0AAA1", DAY, "first"))).isTrue();
      assertThat(repo.save(revised)).isFalse();

      assertThat(repo.find("U0AAA1", DAY)).contains(revised);
      assertThat(repo.history("U0AAA1", DAY, DAY)).containsExactly(revised);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void history_lists_one_members_updates_within_the_range_newest_first(TestDb t) {
    try (Database db = t.open()) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);
      for (int i = 0; i < 10; i++) {
        repo.save(update("U0AAA1", DAY.minusDays(i), "day " + i));
      }
      repo.save(update("U0BBB2", DAY.minusDays(1), "other member"));

      List<DailyUpdate> history = repo.history("U0AAA1", DAY.minusDays(6), DAY.minusDays(1));

      assertThat(history)
          .extracting(DailyUpdate::yesterday)
          .containsExactly("day 1", "day 2", "day 3", "day 4", "day 5", "day 6");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_notice_is_claimed_once_until_it_is_released(TestDb t) {
    try (Database db = t.open()) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);

      assertThat(repo.claimNotice("U0AAA1", DAY, DailyRepository.PROMPT, AT)).isEqualTo(1);
      assertThat(repo.claimNotice("U0AAA1", DAY, DailyRepository.PROMPT, AT)).isZero();
      assertThat(repo.claimNotice("U0AAA1", DAY, DailyRepository.REMINDER, AT)).isEqualTo(1);
      assertThat(repo.noticeCount("U0AAA1", DAY, DailyRepository.PROMPT)).isEqualTo(1);

      assertThat(repo.releaseNotice("U0AAA1", DAY, DailyRepository.PROMPT)).isEqualTo(1);
      assertThat(repo.noticeCount("U0AAA1", DAY, DailyRepository.PROMPT)).isZero();
      assertThat(repo.claimNotice("U0AAA1", DAY, DailyRepository.PROMPT, AT)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void setting_out_of_office_replaces_the_members_earlier_period(TestDb t) {
    try (Database db = t.open()) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);
      OutOfOffice later = new OutOfOffice("U0AAA1", DAY.plusDays(10), DAY.plusDays(12));

      repo.setOutOfOffice(new OutOfOffice("U0AAA1", DAY, DAY.plusDays(2)));
      repo.setOutOfOffice(later);

      assertThat(repo.outOfOffice("U0AAA1")).contains(later);
      assertThat(repo.outOfOffice("U0BBB2")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void posts_are_recorded_once_per_team_and_listed_by_team(TestDb t) {
    try (Database db = t.open()) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);
      DailyPost web = new DailyPost("U0AAA1", DAY, "web", "C0WEB", "1700000000.000200");
      DailyPost api = new DailyPost("U0AAA1", DAY, "api", "C0API", "1700000000.000100");

      assertThat(repo.insertPost(web)).isEqualTo(1);
      assertThat(repo.insertPost(api)).isEqualTo(1);
      assertThat(repo.insertPost(new DailyPost("U0AAA1", DAY, "web", "C0X", "1.2"))).isZero();

      assertThat(repo.posts("U0AAA1", DAY)).containsExactly(api, web);
      assertThat(repo.posts("U0AAA1", DAY.minusDays(1))).isEmpty();
    }
  }
}
