package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.demo.SharedFile;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.demo.StoredMessage;
import io.drumbeat.okr.chart.KrSparkline;
import io.drumbeat.okr.chart.QuarterChart;
import io.drumbeat.store.TestDb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Trend charts as PNG files in Slack: the digest's thread and the check-in confirmation's. */
class TrendChartsEndToEndTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 9, 9, 0, 0, 0, LA); // 2026-W46

  static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG ImageIO can read").isNotNull();
    return image;
  }

  static StoredMessage keyed(List<StoredMessage> messages, String prefix) {
    return messages.stream()
        .filter(m -> m.metadataKey() != null && m.metadataKey().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void the_digest_carries_the_quarter_chart_in_its_thread_through_the_three_upload_calls()
      throws IOException {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "AT_RISK", "900", "5"));
      t.deliverAll();
      t.slack.clear();

      t.command("U0ADMIN1", "/drumbeat", "digest now");
      t.deliverAll();

      StoredMessage digest = keyed(t.slack.messages("C0VPSYNC"), "okr-digest:");
      SharedFile file = t.slack.sharedFiles("C0VPSYNC").get(0);
      assertThat(t.slack.sharedFiles("C0VPSYNC")).hasSize(1);
      assertThat(file.threadTs()).isEqualTo(digest.ts());
      assertThat(file.filename()).isEqualTo("okr-trend-FY2027-Q4.png");
      assertThat(file.title()).contains("FY2027-Q4");
      byte[] png = t.slack.uploadedFile(file.fileId());
      assertThat(png.length).isBetween(10_000, 1_000_000);
      BufferedImage image = decode(png);
      assertThat(image.getWidth()).isEqualTo(QuarterChart.WIDTH);
      assertThat(image.getHeight()).isBetween(400, 2000);

      assertThat(t.slack.calls("files.getUploadURLExternal"))
          .singleElement()
          .satisfies(c -> assertThat(c.param("length")).isEqualTo(String.valueOf(png.length)));
      assertThat(t.slack.calls(SlackDouble.FILE_UPLOAD)).hasSize(1);
      SlackCall complete = t.slack.calls("files.completeUploadExternal").get(0);
      assertThat(t.slack.calls("files.completeUploadExternal")).hasSize(1);
      assertThat(complete.param("channel_id")).isEqualTo("C0VPSYNC");
      assertThat(complete.param("thread_ts")).isEqualTo(digest.ts());
    }
  }

  @Test
  void a_check_in_confirmation_carries_the_krs_sparkline_in_its_thread() throws IOException {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.command("U0AAA1", "/okr-update", "");
      t.submit("U0AAA1", TestSlackApp.checkIn("KR1.1", "AT_RISK", "900", "5"));
      t.deliverAll();

      StoredMessage confirmation = keyed(t.slack.messages("U0AAA1"), "okr-confirm:");
      SharedFile file = t.slack.sharedFiles("U0AAA1").get(0);
      assertThat(t.slack.sharedFiles("U0AAA1")).hasSize(1);
      assertThat(file.threadTs()).isEqualTo(confirmation.ts());
      assertThat(file.filename()).isEqualTo("kr-trend-KR1.1-FY2027-Q4.png");
      BufferedImage image = decode(t.slack.uploadedFile(file.fileId()));
      assertThat(image.getWidth()).isEqualTo(KrSparkline.WIDTH);
      assertThat(image.getHeight()).isEqualTo(KrSparkline.HEIGHT);
    }
  }

  @Test
  void a_refused_chart_upload_leaves_the_digest_posted_and_tells_the_admins() {
    try (TestSlackApp t = TestSlackApp.start(TestDb.H2, MONDAY)) {
      t.slack.failNextWithError("files.completeUploadExternal", "not_allowed_token_type");

      t.command("U0ADMIN1", "/drumbeat", "digest now");
      t.deliverAll();

      assertThat(t.postsTo("C0VPSYNC")).hasSize(1);
      assertThat(t.slack.sharedFiles("C0VPSYNC")).isEmpty();
      assertThat(t.dmsTo("U0ADMIN1"))
          .anySatisfy(
              dm ->
                  assertThat(dm.param("text"))
                      .contains("Drumbeat needs an admin", ":chart:1", "not_allowed_token_type"));
    }
  }
}
