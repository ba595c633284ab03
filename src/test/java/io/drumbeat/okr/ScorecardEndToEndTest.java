package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SharedFile;
import io.drumbeat.demo.StoredMessage;
import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The FY2027-Q4 scorecard, shared at the start of week 1 of FY2028-Q1 (Monday 2027-02-01, at the
 * digest's 08:00) with its trend chart, and on demand by an admin.
 */
class ScorecardEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime LAST_SUNDAY = ZonedDateTime.of(2027, 1, 31, 20, 0, 0, 0, LA);
  static final ZonedDateTime WEEK_1 = ZonedDateTime.of(2027, 2, 1, 0, 0, 0, 0, LA);

  static List<StoredMessage> scorecards(TestSlackApp t, String channel) {
    return t.slack.messages(channel).stream()
        .filter(m -> m.metadataKey() != null && m.metadataKey().startsWith("okr-scorecard:"))
        .toList();
  }

  static void quarterOfWork(TestSlackApp t) {
    t.command("U0AAA1", "/okr-update", "");
    t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "ON_TRACK", "600", "8"));
    t.command("U0BBB2", "/okr-update", "");
    t.submit("U0BBB2", TestSlackApp.checkIn("KR1.2", "AT_RISK", "62", "4"));
    KrRetroEndToEndTest.write(t, "U0AAA1", "KR1.1", "p99 at 600 ms, *most* of the way");
  }

  @Test
  void two_instances_share_the_final_scorecard_once_with_its_chart_and_it_closes_the_retros()
      throws InterruptedException {
    try (TestSlackApp t = TestSlackApp.start(TestDb.POSTGRES, LAST_SUNDAY);
        TestSlackApp second = t.secondInstance(TestDb.POSTGRES, TestSlackApp.CONFIG)) {
      quarterOfWork(t);

      t.pollTogether(second, WEEK_1.withHour(7), Duration.ofMinutes(30));
      assertThat(scorecards(t, "C0VPSYNC")).isEmpty();
      t.pollTogether(second, WEEK_1.withHour(9), Duration.ofMinutes(30));
      t.deliverAll();

      List<StoredMessage> posted = scorecards(t, "C0VPSYNC");
      assertThat(posted).hasSize(1);
      String blocks = posted.get(0).blocksJson().toString();
      assertThat(blocks)
          .contains(
              "OKR scorecard · FY2027-Q4 · final",
              "*4 key results* · average grade *0.33*",
              "Search is fast* · average grade *0.65*",
              "Upgrades without help* · average grade *0.00*",
              "Grade *0.9*",
              "600 / 500 ms (86%)",
              "confidence 8",
              "Grade *0.4*",
              "*Outcome:* p99 at 600 ms, *most* of the way",
              "Index &lt;rebuild&gt; took &amp; longer");
      List<SharedFile> files = t.slack.sharedFiles("C0VPSYNC");
      assertThat(files)
          .filteredOn(f -> f.threadTs() != null && f.threadTs().equals(posted.get(0).ts()))
          .singleElement()
          .satisfies(f -> assertThat(f.filename()).isEqualTo("okr-trend-FY2027-Q4.png"));

      t.requests.clickButton("U0AAA1", KrRetros.WRITE, "FY2027-Q4|KR1.1", "D0AAA1");
      t.deliverAll();
      assertThat(t.slack.calls(io.drumbeat.demo.SlackDouble.RESPONSE_URL))
          .anySatisfy(c -> assertThat(c.params().toString()).contains("scorecard is final"));
    }
  }

  @Test
  void an_admin_posts_a_draft_scorecard_on_demand_and_others_are_refused() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, LAST_SUNDAY)) {
      quarterOfWork(t);

      var refused = t.command("U0AAA1", "/drumbeat", "scorecard FY2027-Q4");
      t.command("U0ADMIN1", "/drumbeat", "scorecard fy2027-q4");
      t.deliverAll();

      assertThat(refused.body()).contains("Only Drumbeat admins");
      assertThat(scorecards(t, "C0VPSYNC"))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.blocksJson().toString())
                      .contains("OKR scorecard · FY2027-Q4 · draft"));
      assertThat(t.slack.sharedFiles("C0VPSYNC")).hasSize(1);
    }
  }
}
