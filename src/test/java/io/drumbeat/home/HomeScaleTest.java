package io.drumbeat.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Home of an admin who owns 15 KRs, 50 open action items and is in 10 channels with an open
 * retro: within Slack's limits whatever the data, user text escaped, published within 3 s.
 */
class HomeScaleTest {
  static final ZonedDateTime WEDNESDAY =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final String NASTY = "<!channel> R&D <b>";
  TestSlackApp t;

  @BeforeEach
  void start() {
    StringBuilder okrs =
        new StringBuilder("quarter: FY2027-Q4\nobjectives:\n  - key: O1\n    title: Big\n");
    okrs.append("    keyResults:\n");
    for (int i = 1; i <= 15; i++) {
      okrs.append("      - {key: KR")
          .append(i)
          .append(", title: \"")
          .append(NASTY)
          .append(" ")
          .append("x".repeat(400))
          .append("\", owner: U0ADMIN1, start: 0, target: 100, unit: \"%\"}\n");
    }
    t = TestSlackApp.start(TestDb.H2, WEDNESDAY, TestSlackApp.CONFIG, okrs.toString());
    Instant now = t.clock.instant();
    t.database
        .jdbi()
        .useTransaction(
            h -> {
              for (int r = 0; r < 10; r++) {
                String channel = "C0R" + r;
                t.slack.addChannel(channel, "retro-" + r, false, true);
                t.slack.addMember(channel, "U0ADMIN1");
                long id =
                    h.createUpdate(
                            "insert into retro (channel, open_channel, title, facilitator, phase,"
                                + " named, votes_per_person, created_at) values (:c, :c, :title,"
                                + " 'U0AAA1', :phase, false, 3, :at)")
                        .bind("c", channel)
                        .bind("title", NASTY + " sprint " + r)
                        .bind("phase", r % 2 == 0 ? "COLLECTING" : "VOTING")
                        .bind("at", now)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                for (int a = 0; a < 5; a++) {
                  h.createUpdate(
                          "insert into retro_action (retro_id, channel, text, owner, due_date,"
                              + " created_at) values (:id, :c, :text, 'U0ADMIN1', :due, :at)")
                      .bind("id", id)
                      .bind("c", channel)
                      .bind("text", NASTY + " " + "y".repeat(975))
                      .bind("due", LocalDate.of(2026, 11, 10 + a + r))
                      .bind("at", now)
                      .execute();
                }
              }
            });
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void the_home_stays_within_100_blocks_and_3000_characters_a_text_with_text_escaped() {
    HomeTabs.open(t, "U0ADMIN1"); // the first request of a JVM loads Bolt's classes: not timed
    long started = System.nanoTime();
    HomeTabs.open(t, "U0ADMIN1");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    JsonNode view = HomeTabs.latest(t, "U0ADMIN1");
    assertThat(took).as("published within 3 s of the event").isLessThan(Duration.ofSeconds(3));
    assertThat(view.path("blocks").size()).isBetween(60, 100);
    assertThat(view.findValues("text"))
        .allSatisfy(
            text ->
                assertThat(text.isTextual() ? text.asText() : "").hasSizeLessThanOrEqualTo(3000));
    String all = view.toString();
    assertThat(all)
        .contains("My key results", "*KR1*", "*KR15*", "Update all")
        .contains(
            "My action items* (50 open)",
            "…and 28 more, due later",
            ":rotating_light: *overdue* since 2026-11-10")
        .contains("Retros* in your channels", "Add item", "Vote")
        .contains("For admins", "0 of 15 KRs", "No failed deliveries", "Digest now")
        .contains("&lt;!channel&gt; R&amp;D &lt;b&gt;")
        .doesNotContain("<!channel>", "<b>");
  }
}
