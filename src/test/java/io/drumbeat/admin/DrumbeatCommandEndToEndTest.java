package io.drumbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /drumbeat: help for everyone, on-demand jobs for admins only. */
class DrumbeatCommandEndToEndTest {
  static final ZonedDateTime FRIDAY =
      ZonedDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  TestSlackApp t;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, FRIDAY);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  List<SlackCall> responses() {
    return t.slack.calls("response_url");
  }

  @Test
  void help_lists_every_command_for_anyone() {
    HttpResponse<String> response = t.command("U0NOKR", "/drumbeat", "help");

    assertThat(response.body())
        .contains(
            "/okr-update", "/drumbeat help", "/drumbeat digest now", "/drumbeat remind okr now");
  }

  @Test
  void a_non_admin_gets_an_ephemeral_refusal_and_nothing_runs() {
    HttpResponse<String> digest = t.command("U0AAA1", "/drumbeat", "digest now");
    HttpResponse<String> remind = t.command("U0AAA1", "/drumbeat", "remind okr now");

    assertThat(digest.body()).contains("Only Drumbeat admins can run `/drumbeat digest now`");
    assertThat(remind.body()).contains("Only Drumbeat admins can run `/drumbeat remind okr now`");
    assertThat(t.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void an_admin_posts_the_digest_on_demand_and_is_told_it_was_posted() {
    HttpResponse<String> response = t.command("U0ADMIN1", "/drumbeat", "digest now");

    assertThat(response.body()).contains("Running `/drumbeat digest now`");
    assertThat(t.postsTo("C0VPSYNC")).hasSize(1);
    assertThat(responses())
        .singleElement()
        .satisfies(
            r -> assertThat(r.param("text")).contains("OKR digest for 2026-W47 is on its way"));
  }

  @Test
  void an_admin_reminds_owners_now_and_nobody_is_reminded_twice_that_week() {
    t.command("U0ADMIN1", "/drumbeat", "remind okr now");
    t.command("U0ADMIN1", "/drumbeat", "remind okr now");

    for (String owner : List.of("U0AAA1", "U0BBB2", "U0CCC3")) {
      assertThat(t.dmsTo(owner)).as(owner).hasSize(1);
    }
    assertThat(responses())
        .extracting(r -> r.param("text"))
        .containsExactly(
            ":bell: KR reminders for 2026-W47: sent 3, already up to date 0, already reminded 0.",
            ":bell: KR reminders for 2026-W47: sent 0, already up to date 0, already reminded 3.");
  }

  @Test
  void the_scheduled_reminder_does_not_repeat_an_on_demand_one() {
    t.command("U0ADMIN1", "/drumbeat", "remind okr now");
    t.advanceTo(FRIDAY.plusDays(2), java.time.Duration.ofHours(1));

    assertThat(t.dmsTo("U0AAA1")).hasSize(1);
    assertThat(t.dmsTo("U0BBB2")).hasSize(1);
  }

  @Test
  void an_unknown_subcommand_is_explained_with_the_help() throws Exception {
    HttpResponse<String> response = t.command("U0ADMIN1", "/drumbeat", "launch <!channel>");

    String text =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(response.body())
            .path("text")
            .asText();
    assertThat(text).contains("I don't know `/drumbeat launch &lt;!channel&gt;`", "/drumbeat help");
  }
}
