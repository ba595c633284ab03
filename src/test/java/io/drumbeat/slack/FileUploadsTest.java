package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.drumbeat.demo.SharedFile;
import io.drumbeat.demo.SlackCall;
import io.drumbeat.demo.SlackDouble;
import io.drumbeat.okr.chart.ChartImage;
import io.drumbeat.okr.chart.KrSeries;
import io.drumbeat.okr.chart.KrSparkline;
import io.drumbeat.okr.chart.WeekPoint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drumbeat's side of Slack's external upload flow, against the Slack double over real HTTP. */
class FileUploadsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final List<String> WEEKS = List.of("2026-W45", "2026-W46", "2026-W47", "2026-W48");

  private SlackDouble slackDouble;
  private Slack slack;
  private FileUploads uploads;
  private final ChartImage chart =
      new KrSparkline()
          .render(
              "FY2027-Q3",
              WEEKS,
              new KrSeries(
                  "KR1.2",
                  "Cut p99 latency to 300 ms",
                  "Fast search",
                  List.of(new WeekPoint("2026-W45", 10), new WeekPoint("2026-W47", 35))));

  @BeforeEach
  void startDouble() {
    slackDouble = SlackDouble.start(Clock.fixed(NOW, ZoneOffset.UTC));
    slackDouble.addChannel("C0SYNC", "vp-sync", false, true);
    slackDouble.addChannel("G0SEC", "secret", true, false);
    slack = slackWithReadTimeout(5_000);
    uploads = new FileUploads(slack, "xoxb-test");
  }

  private Slack slackWithReadTimeout(int millis) {
    SlackConfig cfg = new SlackConfig();
    cfg.setMethodsEndpointUrlPrefix(slackDouble.apiUrl());
    cfg.setStatsEnabled(false);
    cfg.setHttpClientReadTimeoutMillis(millis);
    return Slack.getInstance(cfg);
  }

  @AfterEach
  void stopDouble() throws Exception {
    slack.close();
    slackDouble.close();
  }

  private FileUploads.Uploaded upload(String channel, String threadTs) {
    return uploads.upload(channel, threadTs, chart.filename(), chart.title(), chart.png());
  }

  @Test
  void a_chart_is_uploaded_and_shared_into_the_digest_thread_as_a_decodable_png() throws Exception {
    String digestTs =
        slack
            .methods("xoxb-test")
            .chatPostMessage(r -> r.channel("C0SYNC").text("Monday digest"))
            .getTs();

    FileUploads.Uploaded uploaded = upload("C0SYNC", digestTs);

    assertThat(uploaded.fileId()).isEqualTo("F0DEMO1");
    assertThat(uploaded.permalink()).endsWith("/F0DEMO1");
    assertThat(slackDouble.calls())
        .extracting(SlackCall::method)
        .containsExactly(
            "chat.postMessage",
            "files.getUploadURLExternal",
            SlackDouble.FILE_UPLOAD,
            "files.completeUploadExternal");
    SlackCall getUrl = slackDouble.calls("files.getUploadURLExternal").get(0);
    assertThat(getUrl.params())
        .containsEntry("filename", "kr-trend-KR1.2-FY2027-Q3.png")
        .containsEntry("length", Integer.toString(chart.size()))
        .containsEntry("alt_txt", "KR1.2 progress, FY2027-Q3");
    assertThat(slackDouble.calls(SlackDouble.FILE_UPLOAD).get(0).param("bytes"))
        .isEqualTo(Integer.toString(chart.size()));
    SlackCall complete = slackDouble.calls("files.completeUploadExternal").get(0);
    assertThat(complete.params())
        .containsEntry("channel_id", "C0SYNC")
        .containsEntry("thread_ts", digestTs);
    assertThat(complete.json("files").get(0).path("title").asText())
        .isEqualTo("KR1.2 progress, FY2027-Q3");

    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(slackDouble.uploadedFile(uploaded.fileId())));
    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(image.getHeight()).isEqualTo(200);
    assertThat(slackDouble.sharedFiles("C0SYNC"))
        .singleElement()
        .extracting(SharedFile::threadTs)
        .isEqualTo(digestTs);
    assertThat(slackDouble.replies("C0SYNC", digestTs)).hasSize(1);
  }

  @Test
  void a_rate_limited_url_request_is_retryable_after_slacks_retry_after() {
    slackDouble.failNext(
        "files.getUploadURLExternal",
        429,
        Map.of("Retry-After", "7"),
        "{\"ok\":false,\"error\":\"ratelimited\"}");

    assertThatThrownBy(() -> upload("C0SYNC", null))
        .isInstanceOfSatisfying(
            FileUploadException.class,
            e -> {
              assertThat(e.step()).isEqualTo("files.getUploadURLExternal");
              assertThat(e.error()).isEqualTo("ratelimited");
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.fileId()).isEmpty();
            });
    assertThat(slackDouble.calls(SlackDouble.FILE_UPLOAD)).isEmpty();
  }

  @Test
  void a_failed_byte_upload_is_retryable_and_shares_nothing() {
    slackDouble.failNext(SlackDouble.FILE_UPLOAD, 503, Map.of(), "");

    assertThatThrownBy(() -> upload("C0SYNC", null))
        .isInstanceOfSatisfying(
            FileUploadException.class,
            e -> {
              assertThat(e.step()).isEqualTo(FileUploads.UPLOAD_STEP);
              assertThat(e.error()).isEqualTo("http_503");
              assertThat(e.retryable()).isTrue();
              assertThat(e.fileId()).contains("F0DEMO1");
            });
    assertThat(slackDouble.calls("files.completeUploadExternal")).isEmpty();
    assertThat(slackDouble.sharedFiles("C0SYNC")).isEmpty();

    assertThat(upload("C0SYNC", null).fileId()).isEqualTo("F0DEMO2"); // a retry starts afresh
    assertThat(slackDouble.sharedFiles("C0SYNC")).hasSize(1);
  }

  @Test
  void a_channel_the_app_is_not_in_is_refused_with_slacks_error_code() {
    assertThatThrownBy(() -> upload("G0SEC", null))
        .isInstanceOfSatisfying(
            FileUploadException.class,
            e -> {
              assertThat(e.step()).isEqualTo("files.completeUploadExternal");
              assertThat(e.error()).isEqualTo("not_in_channel");
              assertThat(e.retryable()).isFalse();
              assertThat(e.isChannelProblem()).isTrue();
            });
  }

  @Test
  void uploads_switched_off_by_the_workspace_are_refused() {
    slackDouble.failNextWithError("files.getUploadURLExternal", "file_uploads_disabled");

    assertThatThrownBy(() -> upload("C0SYNC", null))
        .isInstanceOfSatisfying(
            FileUploadException.class,
            e -> {
              assertThat(e.error()).isEqualTo("file_uploads_disabled");
              assertThat(e.retryable()).isFalse();
              assertThat(e.retryAfter()).isEmpty();
            });
  }

  @Test
  void a_server_error_while_completing_is_retryable() {
    slackDouble.failNext("files.completeUploadExternal", 500, Map.of(), "");

    assertThatThrownBy(() -> upload("C0SYNC", null))
        .isInstanceOfSatisfying(
            FileUploadException.class,
            e -> {
              assertThat(e.error()).isEqualTo("http_500");
              assertThat(e.retryable()).isTrue();
              assertThat(e.fileId()).contains("F0DEMO1");
            });
    assertThat(slackDouble.sharedFiles("C0SYNC")).isEmpty();
  }

  @Test
  void a_lost_answer_is_a_retryable_io_error() throws Exception {
    slackDouble.delayAnswers("files.completeUploadExternal", Duration.ofSeconds(30));
    try (Slack impatient = slackWithReadTimeout(300)) {
      FileUploads hurried = new FileUploads(impatient, "xoxb-test");

      assertThatThrownBy(() -> hurried.upload("C0SYNC", null, "a.png", "A chart", chart.png()))
          .isInstanceOfSatisfying(
              FileUploadException.class,
              e -> {
                assertThat(e.error()).startsWith("io_error");
                assertThat(e.retryable()).isTrue();
              });
    }
    // Slack shared it all the same: a retry would post the image twice
    assertThat(slackDouble.sharedFiles("C0SYNC")).hasSize(1);
  }

  @Test
  void an_empty_file_is_refused_before_calling_slack() {
    assertThatThrownBy(() -> uploads.upload("C0SYNC", null, "a.png", "A", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(slackDouble.calls()).isEmpty();
  }
}
