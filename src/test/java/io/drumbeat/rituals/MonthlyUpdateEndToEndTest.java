package io.drumbeat.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The month in review, posted on the first workday of the month and on demand. */
class MonthlyUpdateEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final String CONFIG = TestSlackApp.CONFIG + "monthly:\n  channel: \"#okrs\"\n";

  @Test
  void the_month_in_review_is_posted_at_ten_on_the_first_workday_and_on_demand_for_admins()
      throws Exception {
    ZonedDateTime w47 = ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, LA);
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, w47, CONFIG, TestSlackApp.OKRS)) {
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "AT_RISK", "900", "6"));
      t.command("U0AAA1", "/retro", "start Sprint <42>");
      t.command("U0AAA1", "/retro", "action Fix the flaky <!here> test <@U0BBB2>");
      t.database
          .jdbi()
          .useHandle(
              h -> {
                DigestSectionsEndToEndTest.update(
                    h, "U0AAA1", LocalDate.of(2026, 11, 16), null, "distribution");
                DigestSectionsEndToEndTest.update(
                    h, "U0BBB2", LocalDate.of(2026, 11, 17), null, "distribution");
              });
      t.advanceTo(w47.plusWeeks(1), Duration.ofHours(6));
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));

      ZonedDateTime due = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, LA); // Tuesday
      t.advanceTo(due.minusHours(1), Duration.ofHours(6));
      t.deliverAll();
      int echoes = t.postsTo("C0OKRS").size(); // the check-in echoes
      t.advanceTo(due, Duration.ofMinutes(30));
      t.deliverAll();

      assertThat(t.postsTo("C0OKRS")).hasSize(echoes + 1);
      String post = t.postsTo("C0OKRS").get(echoes).json("blocks").toString();
      assertThat(post)
          .contains(
              "Month in review · November 2026",
              "*KR1.1* p99 latency under 500 ms: 900 ms → 700 ms (71%) · On track",
              "*KR1.2* Searches on the new index: no check-in this month",
              "Status changes",
              "*KR1.1* p99 latency under 500 ms: At risk → On track",
              "*Sprint &lt;42&gt;* (retro 1)",
              "Action items: 1 opened, 0 closed.",
              "distribution: ")
          .doesNotContain("<@", "U0AAA1", "U0BBB2");

      assertThat(DigestSectionsEndToEndTest.digestText(t)) // nothing else was posted to the sync
          .doesNotContain("Month in review");
      assertThat(AgendaEndToEndTest.answer(t.command("U0AAA1", "/drumbeat", "monthly now")))
          .contains("Only Drumbeat admins");
      assertThat(
              AgendaEndToEndTest.answer(t.command("U0ADMIN1", "/drumbeat", "monthly now 2026-10")))
          .contains("2026-10 is on its way");
      t.deliverAll();
      assertThat(t.postsTo("C0OKRS")).hasSize(echoes + 2);
      assertThat(t.postsTo("C0OKRS").get(echoes + 1).json("blocks").toString())
          .contains("Month in review · October 2026", "No retros this month.");
    }
  }
}
