package io.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.demo.FormValues;
import io.drumbeat.retro.RetroFeature;
import io.drumbeat.store.TestDb;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same {@code view_submission} arriving twice (Slack's replay within five minutes, or a
 * resubmit after a slow ack) changes nothing twice: keyed on {@code view.id} plus {@code
 * view.hash}.
 */
class ReplayedSubmissionsTest {
  static final ZonedDateTime MONDAY =
      ZonedDateTime.of(2026, 11, 23, 11, 0, 0, 0, ZoneId.of("America/Los_Angeles"));

  TestSlackApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  /** Submits the last opened modal twice, exactly as Slack would send it both times. */
  void submitTwice(String user, FormValues values) {
    JsonNode view = t.lastView();
    var first = t.requests.submitView(user, view, values);
    var again = t.requests.submitView(user, view, values);
    assertThat(first.body()).doesNotContain("errors");
    assertThat(again.body()).isEqualTo(first.body());
    t.deliverAll();
  }

  @Test
  void a_daily_update_submitted_twice_is_posted_once() {
    t = TestSlackApp.start(TestDb.H2, MONDAY, TestSlackApp.DAILY_CONFIG, null);
    t.command("U0BBB2", "/daily-update", "");
    submitTwice("U0BBB2", new FormValues().text("yesterday", "text", "Shipped it"));

    assertThat(t.postsTo("C0DIST")).hasSize(1);
    assertThat(t.slack.calls("chat.update")).isEmpty();
  }

  @Test
  void a_check_in_submitted_twice_is_one_revision_with_one_echo_and_one_confirmation() {
    t = TestSlackApp.start(TestDb.H2, MONDAY);
    t.command("U0AAA1", "/okr-update", "");
    submitTwice("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "700", "7"));

    assertThat(t.postsTo("C0OKRS")).hasSize(1);
    assertThat(t.slack.calls("chat.update")).isEmpty();
    assertThat(t.dmsTo("U0AAA1"))
        .filteredOn(c -> c.param("text").contains("Saved your check-in"))
        .hasSize(1);
  }

  @Test
  void a_retro_item_and_an_action_item_submitted_twice_are_stored_once() {
    t = TestSlackApp.start(TestDb.H2, MONDAY);
    t.command("U0AAA1", "/retro", "start Sprint 42");
    long retro =
        t.database
            .jdbi()
            .withHandle(h -> h.createQuery("select max(id) from retro").mapTo(Long.class).one());
    t.requests.clickButton("U0BBB2", RetroFeature.ADD_ITEM, "" + retro, "C0DIST");
    t.settle();
    submitTwice(
        "U0BBB2",
        new FormValues().select("category", "category", "WINS").text("text", "text", "Fast CI"));
    t.requests.clickButton("U0AAA1", "retro_add_action", "" + retro, "C0DIST");
    t.settle();
    submitTwice(
        "U0AAA1",
        new FormValues().text("text", "text", "Fix flaky test").user("owner", "owner", "U0CCC3"));

    assertThat(count("select count(*) from retro_item")).isEqualTo(1);
    assertThat(count("select count(*) from retro_action")).isEqualTo(1);
    assertThat(t.dmsTo("U0CCC3")).hasSize(1);
  }

  int count(String sql) {
    return t.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
