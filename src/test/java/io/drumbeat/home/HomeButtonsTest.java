package io.drumbeat.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drumbeat.SlackInteractions;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.FormValues;
import io.drumbeat.retro.RetroFeature;
import io.drumbeat.store.TestDb;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Home's buttons through the real endpoint: each change a person makes from it (or elsewhere)
 * redraws their Home, and what a button may do is checked again on the click.
 */
class HomeButtonsTest {
  static final ZonedDateTime WEDNESDAY =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  TestSlackApp t;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, WEDNESDAY, TestSlackApp.DAILY_CONFIG, TestSlackApp.OKRS);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  HttpResponse<String> click(String user, String actionId, String value) {
    HttpResponse<String> response =
        t.requests.interaction(SlackInteractions.homeClick(user, actionId, value));
    t.settle();
    return response;
  }

  @Test
  void an_action_item_recorded_for_me_shows_in_my_home_until_i_mark_it_done_there() {
    t.slack.addMember("C0DIST", "U0AAA1");
    t.command("U0AAA1", "/retro", "start Sprint 42");
    t.command("U0AAA1", "/retro", "action Fix the <!here> build <@U0BBB2> 2026-11-20");
    JsonNode home = HomeTabs.latest(t, "U0BBB2");
    assertThat(home.path("blocks").toString())
        .contains("My action items* (1 open)", "Fix the &lt;!here&gt; build", "due 2026-11-20");

    click("U0BBB2", RetroFeature.ACTION_DONE, HomeTabs.buttonValue(home, RetroFeature.ACTION_DONE));

    assertThat(HomeTabs.latest(t, "U0BBB2").path("blocks").toString())
        .doesNotContain("My action items", "Fix the");
  }

  @Test
  void writing_todays_update_from_the_home_redraws_it_as_posted_with_a_streak_of_one() {
    HomeTabs.open(t, "U0CCC3");
    JsonNode before = HomeTabs.latest(t, "U0CCC3");
    assertThat(before.path("blocks").toString())
        .contains("Not posted yet today", "Write update", "Streak: *0* workdays");

    click("U0CCC3", "daily_write", HomeTabs.buttonValue(before, "daily_write"));
    t.submit("U0CCC3", new FormValues().text("yesterday", "text", "Reviewed the index"));

    assertThat(HomeTabs.latest(t, "U0CCC3").path("blocks").toString())
        .contains("Posted today", "Edit today's update", "Streak: *1* workday in a row");
  }

  @Test
  void out_of_office_is_set_from_the_home_with_two_date_pickers_and_ended_there() {
    HomeTabs.open(t, "U0CCC3");
    click("U0CCC3", "home_ooo_set", null);
    HttpResponse<String> refused =
        t.submit(
            "U0CCC3",
            new FormValues()
                .date("first", "first", "2026-11-23")
                .date("last", "last", "2026-11-20"));
    assertThat(refused.body()).contains("\"last\"", "The last day is before the first.");

    t.submit(
        "U0CCC3",
        new FormValues().date("first", "first", "2026-11-23").date("last", "last", "2026-11-27"));
    assertThat(HomeTabs.latest(t, "U0CCC3").path("blocks").toString())
        .contains("Out of office: 2026-11-23 to 2026-11-27", "End out of office");

    click("U0CCC3", "home_ooo_end", null);
    assertThat(HomeTabs.latest(t, "U0CCC3").path("blocks").toString())
        .contains("Out of office: not set")
        .doesNotContain("End out of office");
  }

  @Test
  void out_of_office_set_with_the_command_redraws_the_home() {
    t.command("U0CCC3", "/daily-update", "ooo 2026-11-23 2026-11-27");

    assertThat(HomeTabs.latest(t, "U0CCC3").path("blocks").toString())
        .contains("Out of office: 2026-11-23 to 2026-11-27");
  }

  @Test
  void a_home_button_whose_form_cannot_open_is_explained_by_dm() {
    t.slack.failNextWithError("views.open", "expired_trigger_id");

    click("U0CCC3", "home_ooo_set", null);

    assertThat(t.dmsTo("U0CCC3"))
        .singleElement()
        .satisfies(dm -> assertThat(dm.param("text")).contains("click *Set out of office* again"));
  }

  @Test
  void update_for_a_kr_that_is_not_mine_opens_the_form_for_my_own_krs_only() {
    click("U0BBB2", "okr_update_now", "kr:KR1.1");

    assertThat(t.lastView().path("blocks").toString())
        .contains("KR1.2", "KR2.1")
        .doesNotContain("KR1.1");
  }

  @Test
  void an_admin_sees_coverage_and_runs_a_job_from_the_home_and_gets_its_report_by_dm() {
    HomeTabs.open(t, "U0ADMIN1");
    assertThat(HomeTabs.latest(t, "U0ADMIN1").path("blocks").toString())
        .contains("For admins", "0 of 4 KRs", "KR1.1 (<@U0AAA1>)", "Daily updates today")
        .contains("distribution: 0 of 3 posted", "No failed deliveries");

    click("U0ADMIN1", HomeFeature.RUN_JOB + ":digest now", "digest now");

    assertThat(t.dmsTo("U0ADMIN1"))
        .anySatisfy(dm -> assertThat(dm.param("text")).contains("The OKR digest for"));
  }

  @Test
  void someone_who_is_not_an_admin_runs_no_job_from_a_home_button() {
    click("U0AAA1", HomeFeature.RUN_JOB + ":digest now", "digest now");

    assertThat(t.dmsTo("U0AAA1"))
        .singleElement()
        .satisfies(dm -> assertThat(dm.param("text")).contains("Only admins"));
    assertThat(t.postsTo("C0VPSYNC")).isEmpty();
  }

  @Test
  void someone_in_no_team_and_with_no_krs_sees_no_daily_part_and_is_told_they_own_no_krs() {
    HomeTabs.open(t, "U0NOKR");

    assertThat(HomeTabs.latest(t, "U0NOKR").path("blocks").toString())
        .contains("You own no key results")
        .doesNotContain("Daily update", "For admins");
  }
}
