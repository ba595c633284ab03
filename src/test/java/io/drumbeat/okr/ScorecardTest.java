package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScorecardTest {
  static final String Q = "FY2027-Q1";
  static final Instant AT = Instant.parse("2026-11-20T22:00:00Z");

  static KeyResult kr(String key, String objective, String title, int position) {
    return new KeyResult(
        Q,
        key,
        objective,
        title,
        "U0AAA1",
        new BigDecimal("100"),
        new BigDecimal("200"),
        "ms",
        position);
  }

  static CheckIn checkIn(String key, String week, CheckInStatus status, String value) {
    return new CheckIn(
        Q, key, week, status, new BigDecimal(value), 7, null, "U0AAA1", AT, null, null);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void key_results_come_in_file_order_with_their_latest_check_in(TestDb t) {
    try (Database db = t.open()) {
      OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);
      repo.upsertObjective(new Objective(Q, "O2", "Second", 1));
      repo.upsertObjective(new Objective(Q, "O1", "First", 0));
      repo.upsertKeyResult(kr("KR2.1", "O2", "b", 0));
      repo.upsertKeyResult(kr("KR1.2", "O1", "c", 2));
      repo.upsertKeyResult(kr("KR1.1", "O1", "a", 1));
      repo.saveCheckIn(checkIn("KR1.1", "2026-W46", CheckInStatus.AT_RISK, "120"));
      repo.saveCheckIn(checkIn("KR1.1", "2026-W47", CheckInStatus.ON_TRACK, "150"));

      var lines = new Scorecard(db.jdbi()).of(Q);

      assertThat(lines).extracting(l -> l.kr().krKey()).containsExactly("KR1.1", "KR1.2", "KR2.1");
      assertThat(lines)
          .extracting(ScorecardLine::objectiveTitle)
          .containsExactly("First", "First", "Second");
      assertThat(lines.get(0).last().isoWeek()).isEqualTo("2026-W47");
      assertThat(lines.get(1).last()).isNull();
      assertThat(new Scorecard(db.jdbi()).of("FY2030-Q1")).isEmpty();
    }
  }

  @Test
  void a_line_shows_the_last_status_progress_and_owner() {
    KeyResult kr = kr("KR1.2", "O1", "Cut p99 latency", 0);

    String line =
        Scorecard.mrkdwn(
            new ScorecardLine(
                "Fast", kr, checkIn("KR1.2", "2026-W47", CheckInStatus.ON_TRACK, "150")));

    assertThat(line)
        .isEqualTo(
            "*KR1.2* Cut p99 latency: :large_green_circle: On track (2026-W47)"
                + " · 150 / 200 ms (50%) · grade 0.5 · <@U0AAA1>");
  }

  @Test
  void a_line_without_a_check_in_says_so_and_user_text_is_escaped() {
    KeyResult kr = kr("KR<1>", "O1", "<!channel> & more", 0);

    String line = Scorecard.mrkdwn(new ScorecardLine("Fast", kr, null));

    assertThat(line)
        .isEqualTo(
            "*KR&lt;1&gt;* &lt;!channel&gt; &amp; more: :grey_question: no check-in"
                + " · target 200 ms (from 100 ms) · grade 0.0 · <@U0AAA1>");
  }

  @Test
  void a_line_with_a_huge_title_stays_within_3000_characters_and_keeps_the_owner() {
    KeyResult kr = kr("KR1.1", "O1", "&".repeat(500), 0);

    String line =
        Scorecard.mrkdwn(
            new ScorecardLine("Fast", kr, checkIn("KR1.1", "2026-W47", CheckInStatus.DONE, "200")));

    assertThat(line).hasSizeLessThanOrEqualTo(3000).endsWith("(100%) · grade 1.0 · <@U0AAA1>");
  }

  @Test
  void a_line_of_a_kr_with_a_retrospective_shows_its_outcome_escaped_for_the_retro() {
    KeyResult kr = kr("KR1.1", "O1", "Cut p99 latency", 0);
    KrRetro retro = new KrRetro(Q, "KR1.1", "<!here> 90% & done", null, null, null, "U0AAA1", AT);

    String line =
        Scorecard.mrkdwn(
            new ScorecardLine(
                "Fast",
                kr,
                checkIn("KR1.1", "2026-W47", CheckInStatus.DONE, "190"),
                java.util.List.of(7),
                retro));

    assertThat(line).endsWith("grade 0.9 · <@U0AAA1>\n> _Outcome:_ &lt;!here&gt; 90% &amp; done");
  }
}
