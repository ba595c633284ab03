package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.store.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /okr-update history [KR]}: a KR's week-over-week check-ins this quarter, ephemeral and
 * paged. On 2026-12-09 (2026-W50), KR1.1 (owner U0AAA1) has check-ins for 2026-W44 to W49.
 */
class CheckInHistoryEndToEndTest {
  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 12, 9, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final ObjectMapper JSON = new ObjectMapper();
  TestSlackApp t;

  @BeforeEach
  void sixWeeksOfCheckIns() {
    t = TestSlackApp.start(TestDb.H2, NOW);
    OkrRepository repo = t.database.jdbi().onDemand(OkrRepository.class);
    for (int w = 44; w <= 49; w++) {
      repo.saveCheckIn(
          new CheckIn(
              "FY2027-Q4",
              "KR1.1",
              "2026-W" + w,
              CheckInStatus.AT_RISK,
              new BigDecimal(1200 - 50 * (w - 43)),
              w - 40,
              w == 49 ? "<!channel> week " + w + " & more" : "week " + w,
              "U0AAA1",
              Instant.parse("2026-11-01T00:00:00Z"),
              null,
              null));
    }
  }

  @AfterEach
  void stop() {
    t.close();
  }

  String ephemeral(String user, String text) throws Exception {
    JsonNode body = JSON.readTree(t.command(user, "/okr-update", text).body());
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    return body.toString();
  }

  String lastReply() {
    SlackCall call =
        t.slack
            .calls(SlackDouble.RESPONSE_URL)
            .get(t.slack.calls(SlackDouble.RESPONSE_URL).size() - 1);
    return call.param("text") + " " + call.json("blocks");
  }

  @Test
  void an_owner_reads_their_kr_newest_week_first_in_pages_with_notes_escaped() throws Exception {
    String first = ephemeral("U0AAA1", "history");

    assertThat(first)
        .contains(
            "Check-ins of *KR1.1* p99 latency under 500 ms",
            "page 1 of 2",
            "*2026-W49*",
            "&lt;!channel&gt; week 49 &amp; more",
            "*2026-W45*",
            "confidence 9/10",
            "Older")
        .doesNotContain("*2026-W44*", "<!channel>");
    assertThat(first.indexOf("2026-W49")).isLessThan(first.indexOf("2026-W45"));

    t.requests.clickButton("U0AAA1", HistoryPages.PAGE + "-older", "FY2027-Q4 KR1.1 1", "DAAA1");
    t.settle();

    assertThat(lastReply())
        .contains("page 2 of 2", "*2026-W44*", "Newer")
        .doesNotContain("*2026-W45*");
  }

  @Test
  void other_people_are_refused_and_admins_may_read_any_kr() throws Exception {
    assertThat(ephemeral("U0CCC3", "history kr1.1"))
        .contains("Only the owner of KR1.1 (<@U0AAA1>)")
        .doesNotContain("week 4");
    assertThat(ephemeral("U0ADMIN1", "history KR1.1")).contains("*2026-W49*");

    t.requests.clickButton("U0CCC3", HistoryPages.PAGE, "FY2027-Q4 KR1.1 0", "DCCC3");
    t.settle();
    assertThat(lastReply()).contains("Only the owner of KR1.1").doesNotContain("week 4");
  }

  @Test
  void an_owner_of_several_krs_is_asked_which_and_an_unknown_kr_is_named() throws Exception {
    assertThat(ephemeral("U0BBB2", "history")).contains("Which key result?", "Yours: KR1.2, KR2.1");
    assertThat(ephemeral("U0AAA1", "history KR9.9"))
        .contains("There is no key result `KR9.9` in FY2027-Q4");
    assertThat(ephemeral("U0BBB2", "history KR1.2")).contains("No check-ins yet this quarter.");
  }

  @Test
  void chart_shares_the_krs_sparkline_into_the_readers_dm_and_is_refused_to_others()
      throws Exception {
    assertThat(ephemeral("U0AAA1", "history")).contains(HistoryPages.CHART);

    t.requests.clickButton("U0CCC3", HistoryPages.CHART, "FY2027-Q4 KR1.1", "DCCC3");
    t.settle();
    assertThat(lastReply()).contains("Only the owner of KR1.1");
    t.requests.clickButton("U0AAA1", HistoryPages.CHART, "FY2027-Q4 KR1.1", "DAAA1");
    t.deliverAll();

    assertThat(lastReply()).contains("The chart of KR1.1 is on its way to your DM");
    assertThat(t.slack.sharedFiles("U0AAA1")).hasSize(1);
    assertThat(t.slack.sharedFiles("U0CCC3")).isEmpty();
    byte[] png = t.slack.uploadedFile(t.slack.sharedFiles("U0AAA1").get(0).fileId());
    assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth())
        .isEqualTo(600);
  }
}
