package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Monday digest in the VP sync channel. */
class DigestEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 9, 9, 0, 0, 0, LA); // 2026-W46

  @Test
  void the_digest_is_posted_monday_at_8_with_totals_changes_and_a_no_update_flag() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "AT_RISK", "900", "5"));
      t.advanceTo(MONDAY.plusWeeks(1), Duration.ofHours(6));
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));
      t.command("U0BBB2", "/okr-update", "");
      t.submit("U0BBB2", TestSlackApp.checkIn("KR1.2", "DONE", "95", "10"));

      t.advanceTo(MONDAY.plusWeeks(2).withHour(7), Duration.ofHours(1));
      assertThat(t.postsTo("C0VPSYNC")).hasSize(1); // last Monday's, for 2026-W46
      t.advanceTo(MONDAY.plusWeeks(2).withHour(8), Duration.ofMinutes(30));

      List<SlackCall> digests = t.postsTo("C0VPSYNC");
      assertThat(digests).hasSize(2);
      String text = digests.get(1).json("blocks").toString();
      assertThat(text)
          .contains(
              "OKR digest · FY2027-Q4 · 2026-W47",
              "*4 key results*",
              "On track 1",
              "Done 1",
              "No update 2",
              "700 / 500 ms (71%)",
              "-200 ms, was at risk since 2026-W46",
              "confidence 7/10",
              "<@U0AAA1>",
              "*No update this week* · never checked in · <@U0CCC3>");
    }
  }

  @Test
  void the_digest_follows_daylight_saving_time_in_the_organisation_zone() {
    String okrs = TestSlackApp.OKRS.replace("FY2027-Q4", "FY2027-Q3");
    try (TestSlackApp t =
        TestSlackApp.start(
            TestDb.H2,
            ZonedDateTime.of(2026, 10, 31, 0, 0, 0, 0, LA),
            TestSlackApp.CONFIG,
            okrs + "")) {
      Instant posted = null;
      while (posted == null && t.clock.instant().isBefore(Instant.parse("2026-11-03T00:00:00Z"))) {
        t.advanceTo(t.clock.instant().plus(Duration.ofHours(1)).atZone(LA), Duration.ofHours(1));
        posted = t.postsTo("C0VPSYNC").isEmpty() ? null : t.clock.instant();
      }
      assertThat(posted)
          .isEqualTo(Instant.parse("2026-11-02T16:00:00Z")); // 08:00 PST, the day after DST ended
    }
  }

  @Test
  void
      a_digest_missed_while_drumbeat_was_down_is_posted_once_the_same_week_and_never_for_a_past_week() {
    String url;
    try (TestSlackApp t = TestSlackApp.start(TestDb.POSTGRES, MONDAY.withHour(6))) {
      t.runDue(); // the digest is scheduled for 08:00; then Drumbeat stops
      url = t.database.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL());
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    try (TestSlackApp sameWeek = TestSlackApp.restart(TestDb.POSTGRES, url, MONDAY.withHour(11))) {
      sameWeek.runDue();
      sameWeek.runDue();
      assertThat(sameWeek.postsTo("C0VPSYNC")).hasSize(1);
    }
    try (TestSlackApp t = TestSlackApp.start(TestDb.POSTGRES, MONDAY.withHour(6))) {
      t.runDue();
      url = t.database.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL());
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    try (TestSlackApp nextWeek =
        TestSlackApp.restart(TestDb.POSTGRES, url, MONDAY.plusDays(7).withHour(7))) {
      nextWeek.runDue();
      assertThat(nextWeek.postsTo("C0VPSYNC")).isEmpty();
    }
  }

  @Test
  void a_digest_of_60_key_results_with_long_notes_is_split_into_valid_messages_in_a_thread() {
    StringBuilder okrs = new StringBuilder("quarter: FY2027-Q4\nobjectives:\n");
    for (int o = 1; o <= 6; o++) {
      okrs.append("  - key: O")
          .append(o)
          .append("\n    title: Objective ")
          .append(o)
          .append("\n    keyResults:\n");
      for (int k = 1; k <= 10; k++) {
        okrs.append("      - {key: KR")
            .append(o)
            .append('.')
            .append(k)
            .append(", title: Key result <!here> ")
            .append(k)
            .append(", owner: U0AAA1, target: 100, unit: \"%\"}\n");
      }
    }
    try (TestSlackApp t =
        TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.CONFIG, okrs.toString())) {
      String note = "& <b> ".repeat(500);
      OkrRepository repo = t.database.jdbi().onDemand(OkrRepository.class);
      for (KeyResult kr : repo.keyResults("FY2027-Q4")) {
        repo.saveCheckIn(
            new CheckIn(
                "FY2027-Q4",
                kr.krKey(),
                "2026-W45",
                CheckInStatus.AT_RISK,
                java.math.BigDecimal.valueOf(50),
                5,
                note,
                "U0AAA1",
                t.clock.instant(),
                null,
                null));
      }
      t.settle();
      t.slack.clear();
      t.command("U0ADMIN1", "/drumbeat", "digest now");
      t.deliverAll();

      List<SlackCall> parts = t.postsTo("C0VPSYNC");
      assertThat(parts.size()).isGreaterThan(1);
      String parent = t.slack.calls("chat.postMessage").get(0).param("thread_ts");
      assertThat(parent).isNull();
      for (SlackCall part : parts) {
        JsonNode blocks = part.json("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        blocks.forEach(
            b ->
                assertThat(b.path("text").path("text").asText().length())
                    .isLessThanOrEqualTo(3000));
        assertThat(part.json("blocks").toString()).doesNotContain("<!here>");
      }
      assertThat(parts.subList(1, parts.size()))
          .allSatisfy(p -> assertThat(p.param("thread_ts")).isNotNull());
      long notes =
          parts.stream()
              .mapToLong(
                  p ->
                      p.json("blocks").findValues("text").stream()
                          .filter(n -> n.path("text").asText().contains("&amp; &lt;b&gt;"))
                          .count())
              .sum();
      assertThat(notes).isGreaterThanOrEqualTo(60);
    }
  }

  @Test
  void a_digest_channel_the_app_is_not_in_is_reported_to_the_admins() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.slack.failNextWithError("chat.postMessage", "not_in_channel");
      t.command("U0ADMIN1", "/drumbeat", "digest now");
      assertThat(t.dmsTo("U0ADMIN1"))
          .singleElement()
          .satisfies(dm -> assertThat(dm.param("text")).contains("not in it", "/invite @Drumbeat"));
    }
  }
}
