package io.drumbeat.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** {@code /drumbeat agenda}: add, list and remove with permissions; items roll into the digest. */
class AgendaEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, LA);

  static String answer(HttpResponse<String> ack) throws Exception {
    return new ObjectMapper().readTree(ack.body()).path("text").asText();
  }

  @Test
  void anyone_adds_items_the_author_or_an_admin_removes_them_and_the_digest_archives_them()
      throws Exception {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.runDue();
      assertThat(answer(t.command("U0AAA1", "/drumbeat", "agenda")))
          .contains("agenda of the coming VP sync is empty");
      assertThat(answer(t.command("U0AAA1", "/drumbeat", "agenda add Hiring plan <!here> & Q1")))
          .contains(
              "Added to the VP sync's agenda as item 1", "Hiring plan &lt;!here&gt; &amp; Q1");
      t.command("U0BBB2", "/drumbeat", "agenda add Budget");
      t.command("U0BBB2", "/drumbeat", "agenda add Offsite");

      assertThat(answer(t.command("U0CCC3", "/drumbeat", "agenda")))
          .contains(
              "*1.* Hiring plan &lt;!here&gt; &amp; Q1 — ",
              "*2.* Budget — Sam Okafor",
              "*3.* Offsite")
          .doesNotContain("<@");
      assertThat(answer(t.command("U0AAA1", "/drumbeat", "agenda remove 2")))
          .contains("Only the item's author or an admin");
      assertThat(answer(t.command("U0BBB2", "/drumbeat", "agenda remove 2")))
          .contains("Removed item 2");
      assertThat(answer(t.command("U0ADMIN1", "/drumbeat", "agenda remove 3")))
          .contains("Removed item 3");
      assertThat(answer(t.command("U0AAA1", "/drumbeat", "agenda remove 9"))).contains("no item 9");
      assertThat(answer(t.command("U0AAA1", "/drumbeat", "agenda add")))
          .contains("Say what to discuss");

      DigestSectionsEndToEndTest.digestNow(t);
      assertThat(DigestSectionsEndToEndTest.digestText(t))
          .contains("Agenda* (1)", "*1.* Hiring plan &lt;!here&gt; &amp; Q1 — ")
          .doesNotContain("Budget", "Offsite");
      assertThat(answer(t.command("U0AAA1", "/drumbeat", "agenda")))
          .contains("agenda of the coming VP sync is empty");
      assertThat(answer(t.command("U0AAA1", "/drumbeat", "help")))
          .contains("/drumbeat agenda add TEXT");
    }
  }

  @Test
  void a_blocker_ages_in_workdays_across_a_weekend_and_a_holiday() {
    // Thanksgiving, Thursday 2026-11-26, is a holiday in DAILY_CONFIG; blockerAgeDays is 3.
    try (TestSlackApp t =
        TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.DAILY_CONFIG, TestSlackApp.OKRS)) {
      t.database
          .jdbi()
          .useHandle(
              h ->
                  DigestSectionsEndToEndTest.update(
                      h, "U0AAA1", LocalDate.of(2026, 11, 24), "Staging is down", "distribution"));
      DigestSectionsEndToEndTest.digestNow(t); // Wed, (Thu holiday), Fri, Mon: 3 workdays
      assertThat(DigestSectionsEndToEndTest.digestText(t)).doesNotContain("Stuck blockers");

      t.advanceTo(MONDAY.plusDays(1), java.time.Duration.ofHours(6)); // Tuesday: 4 workdays
      int before = t.postsTo("C0VPSYNC").size();
      DigestSectionsEndToEndTest.digestNow(t);
      String latest =
          t.postsTo("C0VPSYNC").subList(before, t.postsTo("C0VPSYNC").size()).toString();
      assertThat(latest)
          .contains("Stuck blockers", "Staging is down — 4 workdays since 2026-11-24, in 1 update");
    }
  }
}
