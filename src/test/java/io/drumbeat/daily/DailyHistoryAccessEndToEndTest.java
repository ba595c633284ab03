package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may read whose {@code /daily-update history}, through the real endpoint: the author, an admin
 * and anyone who shares a team with the author may ask; of the updates, others see only those
 * posted in a channel they can read (a public team channel, or a private one of a team they are
 * in); never-posted updates are the author's alone. The page buttons apply the same rule to the
 * member named in their value.
 */
class DailyHistoryAccessEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 11, 0, 0, 0, LA);

  /** #distributioneers is public, #secret private; Rosa is only in the private team. */
  static final String SECRET_CONFIG =
      """
      timezone: America/Los_Angeles
      fiscalYearStartMonth: 2
      admins: [U0ADMIN1]
      teams:
        - id: distribution
          channel: "#distributioneers"
          members: [U0AAA1, U0BBB2]
        - id: secret
          channel: "#secret"
          members: [U0AAA1, U0CCC3]
      okr:
        digestChannel: "#vp-sync"
      """;

  TestSlackApp t;
  TestSlackApp second;

  @AfterEach
  void stop() {
    if (second != null) {
      second.close();
    }
    if (t != null) {
      t.close();
    }
  }

  static void write(TestSlackApp app, String user, String text) {
    app.command(user, "/daily-update", "");
    app.submit(user, new FormValues().text("yesterday", "text", text));
    app.deliverAll();
  }

  static String history(TestSlackApp app, String viewer, String args) throws IOException {
    String body = app.command(viewer, "/daily-update", "history " + args).body();
    return new ObjectMapper().readTree(body).path("text").asText()
        + new ObjectMapper().readTree(body).path("blocks").toString();
  }

  @Test
  void only_the_author_an_admin_or_someone_sharing_a_team_with_the_author_may_ask()
      throws IOException {
    t = TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.DAILY_CONFIG, null);
    write(t, "U0AAA1", "Shipped the search index");

    assertThat(history(t, "U0NOKR", "<@U0AAA1|avery>"))
        .contains("only of people who share a team with you")
        .doesNotContain("Shipped the search index");
    assertThat(history(t, "U0BBB2", "<@U0AAA1|avery>")).contains("Shipped the search index");
    assertThat(history(t, "U0ADMIN1", "<@U0AAA1|avery>")).contains("Shipped the search index");
    assertThat(history(t, "U0AAA1", "")).contains("Shipped the search index");
  }

  @Test
  void a_page_button_whose_value_names_someone_else_is_refused_to_whoever_clicks_it() {
    t = TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.DAILY_CONFIG, null);
    write(t, "U0AAA1", "Shipped the search index");
    HistoryQuery avery =
        new HistoryQuery("U0AAA1", LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-23"));

    t.requests.clickButton(
        "U0NOKR",
        DailyHistory.ACTION_ID + "_older",
        new DailyHistory.PageRef(avery, 2).encode(),
        "C0DIST");
    t.settle();

    List<SlackCall> replies = t.slack.calls("response_url");
    assertThat(replies).isNotEmpty();
    String reply = replies.get(replies.size() - 1).params().toString();
    assertThat(reply)
        .contains("only of people who share a team with you")
        .doesNotContain("Shipped the search index");
  }

  @Test
  void an_update_that_was_never_posted_is_shown_only_to_its_author() throws IOException {
    t = TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.DAILY_CONFIG, null);
    write(t, "U0AAA1", "Posted on Monday");
    t.database
        .jdbi()
        .onDemand(DailyRepository.class)
        .save(
            new DailyUpdate(
                "U0AAA1",
                LocalDate.parse("2026-11-20"),
                "Never posted on Friday",
                null,
                null,
                Instant.parse("2026-11-20T22:00:00Z")));

    assertThat(history(t, "U0BBB2", "<@U0AAA1|avery>"))
        .contains("Posted on Monday")
        .doesNotContain("Never posted on Friday");
    assertThat(history(t, "U0ADMIN1", "<@U0AAA1|avery>")).doesNotContain("Never posted");
    assertThat(history(t, "U0AAA1", "")).contains("Posted on Monday", "Never posted on Friday");
  }

  @Test
  void updates_posted_only_in_a_private_channel_are_shown_to_that_teams_members_and_the_author()
      throws IOException {
    t = TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.DAILY_CONFIG, null);
    t.slack.addChannel("C0SECRET", "secret", true, true);
    second = t.secondInstance(TestDb.H2, SECRET_CONFIG);
    write(second, "U0CCC3", "Private roadmap work");
    assertThat(second.postsTo("C0SECRET")).hasSize(1);

    assertThat(history(second, "U0AAA1", "<@U0CCC3|rosa>")).contains("Private roadmap work");
    assertThat(history(second, "U0CCC3", "")).contains("Private roadmap work");
    assertThat(history(second, "U0ADMIN1", "<@U0CCC3|rosa>"))
        .contains("No updates")
        .doesNotContain("Private roadmap work");
    assertThat(history(second, "U0BBB2", "<@U0CCC3|rosa>"))
        .contains("only of people who share a team with you")
        .doesNotContain("Private roadmap work");
  }
}
