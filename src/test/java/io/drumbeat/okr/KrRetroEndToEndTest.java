package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KR owners' retrospective prework for FY2027-Q4 (weeks from Monday 2026-11-02; week 12 starts
 * Monday 2027-01-18, week 13 on 2027-01-25): the prompt, the modal and the reminder.
 */
class KrRetroEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime WEEK_12 = ZonedDateTime.of(2027, 1, 18, 0, 0, 0, 0, LA);
  static final ZonedDateTime WEEK_13 = WEEK_12.plusWeeks(1);

  static List<SlackCall> dms(TestSlackApp t, String user, String start) {
    return t.dmsTo(user).stream()
        .filter(c -> String.valueOf(c.param("text")).startsWith(start))
        .toList();
  }

  static FormValues retro(String outcome) {
    return new FormValues()
        .text(KrRetroModal.OUTCOME, KrRetroModal.VALUE, outcome)
        .text(KrRetroModal.WORKED, KrRetroModal.VALUE, "Weekly load tests")
        .text(KrRetroModal.DIDNT, KrRetroModal.VALUE, "Index <rebuild> took & longer")
        .text(KrRetroModal.LEARNED, KrRetroModal.VALUE, "Measure first");
  }

  static void write(TestSlackApp t, String user, String kr, String outcome) {
    t.requests.clickButton(user, KrRetros.WRITE, "FY2027-Q4|" + kr, "D" + user.substring(1));
    t.settle();
    t.submit(user, retro(outcome));
  }

  @Test
  void each_owner_is_asked_on_monday_of_week_12_at_10_in_their_own_zone_once() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, WEEK_12.minusDays(2))) {
      Map<String, Instant> first = new HashMap<>();
      while (t.clock.instant().isBefore(WEEK_12.plusDays(2).toInstant())) {
        t.advanceTo(t.clock.instant().plus(Duration.ofHours(1)).atZone(LA), Duration.ofHours(1));
        for (String owner : List.of("U0AAA1", "U0BBB2", "U0CCC3")) {
          if (!first.containsKey(owner) && !dms(t, owner, "Write your KR").isEmpty()) {
            first.put(owner, t.clock.instant());
          }
        }
      }

      assertThat(first.get("U0BBB2")).isEqualTo(Instant.parse("2027-01-17T21:00:00Z")); // Auckland
      assertThat(first.get("U0AAA1")).isEqualTo(Instant.parse("2027-01-18T18:00:00Z")); // LA
      assertThat(first.get("U0CCC3")).isEqualTo(Instant.parse("2027-01-18T20:00:00Z")); // Honolulu
      for (String owner : List.of("U0AAA1", "U0BBB2", "U0CCC3")) {
        assertThat(dms(t, owner, "Write your KR")).as(owner).hasSize(1);
      }
      assertThat(dms(t, "U0BBB2", "Write your KR").get(0).param("blocks"))
          .contains("KR1.2", "KR2.1", KrRetros.WRITE);
      assertThat(t.dmsTo("U0ADMIN1")).isEmpty();
    }
  }

  @Test
  void
      a_written_retrospective_is_stored_once_and_only_owners_missing_one_are_reminded_in_week_13() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, WEEK_12.plusHours(13))) {
      t.runDue();
      write(t, "U0AAA1", "KR1.1", "p99 at 480 ms");
      var submitted = t.lastView();
      t.requests.submitView("U0AAA1", submitted, retro("replayed"));
      t.settle();
      write(t, "U0BBB2", "KR1.2", "New index for 80% of searches");

      t.advanceTo(WEEK_13.plusDays(1), Duration.ofHours(1));
      t.deliverAll();

      KrRetro stored =
          t.database.jdbi().onDemand(KrRetroRepository.class).find("FY2027-Q4", "KR1.1").get();
      assertThat(stored.outcome()).isEqualTo("p99 at 480 ms");
      assertThat(stored.didnt()).isEqualTo("Index <rebuild> took & longer");
      assertThat(dms(t, "U0AAA1", ":white_check_mark: Saved your retrospective")).hasSize(1);
      assertThat(dms(t, "U0AAA1", "Still to write: your KR")).isEmpty();
      assertThat(dms(t, "U0BBB2", "Still to write: your KR")).hasSize(1); // KR2.1 is missing
      assertThat(dms(t, "U0CCC3", "Still to write: your KR")).hasSize(1);
      assertThat(dms(t, "U0BBB2", "Still to write: your KR").get(0).param("blocks"))
          .contains(":white_check_mark: written");
    }
  }

  @Test
  void someone_who_does_not_own_the_kr_cannot_open_or_submit_its_retrospective() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, WEEK_12.plusHours(13))) {
      write(t, "U0AAA1", "KR1.1", "p99 at 480 ms");
      var view = t.lastView();

      t.requests.clickButton("U0BBB2", KrRetros.WRITE, "FY2027-Q4|KR1.1", "D0BBB2");
      t.settle();
      var answer = t.requests.submitView("U0BBB2", view, retro("not mine"));

      assertThat(answer.body()).contains("errors", "Only the owner of KR1.1");
      assertThat(
              t.database
                  .jdbi()
                  .onDemand(KrRetroRepository.class)
                  .find("FY2027-Q4", "KR1.1")
                  .get()
                  .outcome())
          .isEqualTo("p99 at 480 ms");
    }
  }

  @Test
  void the_quarterly_retro_with_okrs_shows_each_written_outcome_in_its_announcement_and_notes() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, WEEK_13.plusHours(13))) {
      write(t, "U0AAA1", "KR1.1", "p99 at 480 ms <!channel>");

      t.command("U0AAA1", "/retro", "start Q4 retro --okrs FY2027-Q4");
      t.deliverAll();
      String announcement = t.postsTo("C0DIST").get(0).json("blocks").toString();
      t.command("U0AAA1", "/retro", "close");
      t.deliverAll();
      List<SlackCall> posts = t.postsTo("C0DIST");
      String notes = posts.get(posts.size() - 1).json("blocks").toString();

      for (String message : List.of(announcement, notes)) {
        assertThat(message)
            .contains("_Outcome:_ p99 at 480 ms &lt;!channel&gt;", "grade 0.0")
            .doesNotContain("<!channel>");
      }
    }
  }

  @Test
  void the_week_13_reminder_comes_on_monday_at_10_in_each_owners_own_zone() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, WEEK_13.minusDays(2))) {
      Map<String, Instant> first = new HashMap<>();
      while (t.clock.instant().isBefore(WEEK_13.plusDays(1).toInstant())) {
        t.advanceTo(t.clock.instant().plus(Duration.ofHours(1)).atZone(LA), Duration.ofHours(1));
        for (String owner : List.of("U0AAA1", "U0BBB2", "U0CCC3")) {
          if (!first.containsKey(owner) && !dms(t, owner, "Still to write: your KR").isEmpty()) {
            first.put(owner, t.clock.instant());
          }
        }
      }

      assertThat(first.get("U0BBB2")).isEqualTo(Instant.parse("2027-01-24T21:00:00Z")); // Auckland
      assertThat(first.get("U0AAA1")).isEqualTo(Instant.parse("2027-01-25T18:00:00Z")); // LA
      assertThat(first.get("U0CCC3")).isEqualTo(Instant.parse("2027-01-25T20:00:00Z")); // Honolulu
    }
  }
}
