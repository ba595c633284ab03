package io.drumbeat.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The Monday digest's added sections (open retro action items, stuck blockers, agenda): left out
 * when empty, within Block Kit limits at size, people named without mentions, user text escaped.
 */
class DigestSectionsEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, LA);

  /** Every block of every digest message (first message and thread replies), as JSON text. */
  static List<JsonNode> digestMessages(TestSlackApp t) {
    return t.postsTo("C0VPSYNC").stream().map(c -> c.json("blocks")).toList();
  }

  static String digestText(TestSlackApp t) {
    return digestMessages(t).toString();
  }

  static void digestNow(TestSlackApp t) {
    t.runDue(); // the start-up read of profiles (users.list): names come from it
    t.command("U0ADMIN1", "/drumbeat", "digest now");
    t.deliverAll();
  }

  static long retro(Handle h, String title) {
    return h.createUpdate(
            "insert into retro (channel, title, facilitator, phase, named, votes_per_person,"
                + " created_at, closed_at) values ('C0DIST', :title, 'U0AAA1', 'CLOSED', false, 3,"
                + " now(), now())")
        .bind("title", title)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  static void action(Handle h, long retro, String text, String owner, LocalDate due) {
    h.createUpdate(
            "insert into retro_action (retro_id, channel, text, owner, due_date, created_at)"
                + " values (:retro, 'C0DIST', :text, :owner, :due, now())")
        .bind("retro", retro)
        .bind("text", text)
        .bind("owner", owner)
        .bind("due", due)
        .execute();
  }

  static void update(Handle h, String user, LocalDate date, String blockers, String team) {
    h.createUpdate(
            "insert into daily_update (user_id, local_date, yesterday, blockers, submitted_at)"
                + " values (:user, :date, 'work', :blockers, now())")
        .bind("user", user)
        .bind("date", date)
        .bind("blockers", blockers)
        .execute();
    h.createUpdate(
            "insert into daily_post (user_id, local_date, team_id, channel, ts)"
                + " values (:user, :date, :team, 'C0DIST', :ts)")
        .bind("user", user)
        .bind("date", date)
        .bind("team", team)
        .bind("ts", date + user)
        .execute();
  }

  @Test
  void empty_sections_are_left_out() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      digestNow(t);
      assertThat(digestText(t))
          .contains("OKR digest")
          .doesNotContain("Open retro action items", "Stuck blockers", "Agenda", "Open actions");
    }
  }

  @Test
  void open_actions_come_overdue_first_with_owner_due_date_and_retro_named_without_mentions() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.database
          .jdbi()
          .useHandle(
              h -> {
                long r = retro(h, "Sprint <41>");
                action(h, r, "Later one", "U0BBB2", LocalDate.of(2026, 12, 20));
                action(h, r, "Ping <!channel> late one", "U0BBB2", LocalDate.of(2026, 11, 20));
                action(h, r, "No date", "U0AAA1", null);
              });
      digestNow(t);
      String text = digestText(t);
      assertThat(text)
          .contains(
              "Open retro action items* (3)",
              "Ping &lt;!channel&gt; late one — Sam Okafor · :warning: *overdue*, due 2026-11-20"
                  + " · from _Sprint &lt;41&gt;_",
              "Later one — Sam Okafor · due 2026-12-20");
      assertThat(text.indexOf("late one")).isLessThan(text.indexOf("Later one"));
      assertThat(text.indexOf("Later one")).isLessThan(text.indexOf("No date"));
      String section = text.substring(text.indexOf("Open retro action items"));
      assertThat(section).doesNotContain("<@");
    }
  }

  @Test
  void at_size_every_section_fits_block_kit_limits_and_shows_everything() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      LocalDate today = MONDAY.toLocalDate();
      t.database
          .jdbi()
          .useHandle(
              h -> {
                long r = retro(h, "Big retro");
                for (int i = 0; i < 100; i++) {
                  action(h, r, "Action " + i + " " + "x".repeat(900), "U0BBB2", null);
                }
                for (int i = 0; i < 50; i++) {
                  String user = "U0ZZ" + (100 + i);
                  update(h, user, today.minusDays(3), "Waiting on vendor " + i, "distribution");
                  update(h, user, today, "waiting on vendor " + i + "!", "distribution");
                }
              });
      RitualsRepository repo = t.database.jdbi().onDemand(RitualsRepository.class);
      for (int i = 0; i < 30; i++) {
        repo.addAgenda("Agenda item " + i + " " + "y".repeat(900), "U0AAA1", MONDAY.toInstant());
      }
      digestNow(t);

      List<JsonNode> messages = digestMessages(t);
      assertThat(messages.size()).isGreaterThan(1);
      for (JsonNode blocks : messages) {
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        for (JsonNode block : blocks) {
          assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
        }
      }
      String text = messages.toString();
      for (int i = 0; i < 100; i++) {
        assertThat(text).contains("Action " + i + " ");
      }
      for (int i = 0; i < 50; i++) {
        assertThat(text).contains("waiting on vendor " + i + "!");
      }
      for (int i = 0; i < 30; i++) {
        assertThat(text).contains("Agenda item " + i + " ");
      }
      assertThat(text).contains("Stuck blockers* (50)", "*distribution*");
      List<SlackCall> posts = t.postsTo("C0VPSYNC");
      assertThat(posts.subList(1, posts.size()))
          .allSatisfy(p -> assertThat(p.param("thread_ts")).isNotBlank());
    }
  }
}
