package io.drumbeat.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack's external file upload as the double plays it, over real HTTP with the Slack SDK. */
class SlackDoubleFilesTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final byte[] BYTES = "not really a png".getBytes(StandardCharsets.UTF_8);

  private SlackDouble slackDouble;
  private Slack slack;
  private MethodsClient methods;
  private OkHttpClient http;

  @BeforeEach
  void startDouble() {
    slackDouble = SlackDouble.start(Clock.fixed(NOW, ZoneOffset.UTC));
    slackDouble.addUser("U0ADA", "Ada Lovelace", "Europe/London");
    slackDouble.addChannel("C0SYNC", "vp-sync", false, true);
    slackDouble.addChannel("G0SEC", "secret", true, false);
    SlackConfig cfg = new SlackConfig();
    cfg.setMethodsEndpointUrlPrefix(slackDouble.apiUrl());
    cfg.setStatsEnabled(false);
    slack = Slack.getInstance(cfg);
    methods = slack.methods("xoxb-test");
    http = slack.getHttpClient().getOkHttpClient();
  }

  @AfterEach
  void stopDouble() throws Exception {
    slack.close();
    slackDouble.close();
  }

  private FilesGetUploadURLExternalResponse uploadUrl(int length) throws Exception {
    return methods.filesGetUploadURLExternal(r -> r.filename("chart.png").length(length));
  }

  private Response post(String url, RequestBody body) throws Exception {
    return http.newCall(new Request.Builder().url(url).post(body).build()).execute();
  }

  private FilesCompleteUploadExternalResponse complete(String fileId, String channel, String ts)
      throws Exception {
    FileDetails file = FileDetails.builder().id(fileId).title("Trend").build();
    return methods.filesCompleteUploadExternal(
        r -> r.files(List.of(file)).channelId(channel).threadTs(ts));
  }

  @Test
  void get_upload_url_answers_a_file_id_and_an_upload_url_on_the_double() throws Exception {
    var response = uploadUrl(BYTES.length);

    assertThat(response.isOk()).isTrue();
    assertThat(response.getFileId()).isEqualTo("F0DEMO1");
    assertThat(response.getUploadUrl()).isEqualTo(slackDouble.baseUrl() + "upload/F0DEMO1");
    assertThat(slackDouble.calls("files.getUploadURLExternal"))
        .singleElement()
        .satisfies(call -> assertThat(call.param("filename")).isEqualTo("chart.png"))
        .satisfies(call -> assertThat(call.param("length")).isEqualTo("16"));
  }

  @Test
  void get_upload_url_refuses_a_missing_length_and_an_overlong_alt_text() throws Exception {
    assertThat(methods.filesGetUploadURLExternal(r -> r.filename("a.png")).getError())
        .isEqualTo("invalid_arguments");
    String alt = "x".repeat(1001);
    assertThat(
            methods
                .filesGetUploadURLExternal(r -> r.filename("a.png").length(3).altTxt(alt))
                .getError())
        .isEqualTo("alt_txt_too_large");
  }

  @Test
  void the_upload_url_stores_raw_bytes_and_records_their_count() throws Exception {
    String fileId = uploadUrl(BYTES.length).getFileId();

    try (Response response =
        post(slackDouble.baseUrl() + "upload/" + fileId, RequestBody.create(BYTES))) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("OK - 16");
    }
    assertThat(slackDouble.uploadedFile(fileId)).isEqualTo(BYTES);
    assertThat(slackDouble.calls(SlackDouble.FILE_UPLOAD))
        .singleElement()
        .satisfies(call -> assertThat(call.params()).containsEntry("file_id", fileId))
        .satisfies(call -> assertThat(call.params()).containsEntry("bytes", "16"));
  }

  @Test
  void the_upload_url_accepts_multipart_form_data() throws Exception {
    String url = uploadUrl(BYTES.length).getUploadUrl();
    RequestBody multipart =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("note", "ignored")
            .addFormDataPart(
                "file", "chart.png", RequestBody.create(BYTES, MediaType.get("image/png")))
            .build();

    try (Response response = post(url, multipart)) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(slackDouble.uploadedFile("F0DEMO1")).isEqualTo(BYTES);
  }

  @Test
  void an_upload_to_an_unknown_file_or_of_another_length_is_refused() throws Exception {
    String url = uploadUrl(BYTES.length + 1).getUploadUrl();

    try (Response unknown =
            post(slackDouble.baseUrl() + "upload/F0NOPE", RequestBody.create(BYTES));
        Response shorter = post(url, RequestBody.create(BYTES))) {
      assertThat(unknown.code()).isEqualTo(404);
      assertThat(shorter.code()).isEqualTo(400);
    }
    assertThat(slackDouble.uploadedFile("F0DEMO1")).isNull();
  }

  @Test
  void complete_shares_the_file_into_the_thread_as_a_file_message() throws Exception {
    String parent = methods.chatPostMessage(r -> r.channel("C0SYNC").text("Digest")).getTs();
    String fileId = uploadUrl(BYTES.length).getFileId();
    post(slackDouble.baseUrl() + "upload/" + fileId, RequestBody.create(BYTES)).close();

    var response = complete(fileId, "C0SYNC", parent);

    assertThat(response.isOk()).isTrue();
    var file = response.getFiles().get(0);
    assertThat(file.getId()).isEqualTo(fileId);
    assertThat(file.getTitle()).isEqualTo("Trend");
    assertThat(file.getPermalink()).contains(fileId);
    assertThat(slackDouble.sharedFiles("C0SYNC"))
        .singleElement()
        .satisfies(shared -> assertThat(shared.threadTs()).isEqualTo(parent))
        .satisfies(shared -> assertThat(shared.size()).isEqualTo(BYTES.length))
        .satisfies(shared -> assertThat(shared.filename()).isEqualTo("chart.png"));
    String shareTs = slackDouble.sharedFiles("C0SYNC").get(0).ts();
    assertThat(slackDouble.replies("C0SYNC", parent))
        .extracting(StoredMessage::ts)
        .containsExactly(shareTs);
    assertThat(file.getShares().getPublicChannels().get("C0SYNC").get(0).getTs())
        .isEqualTo(shareTs);
  }

  @Test
  void complete_without_a_channel_keeps_the_file_private() throws Exception {
    String fileId = uploadUrl(BYTES.length).getFileId();
    post(slackDouble.baseUrl() + "upload/" + fileId, RequestBody.create(BYTES)).close();

    assertThat(complete(fileId, null, null).isOk()).isTrue();
    assertThat(slackDouble.sharedFiles("C0SYNC")).isEmpty();
    assertThat(slackDouble.messages("C0SYNC")).isEmpty();
  }

  @Test
  void complete_refuses_a_file_not_uploaded_and_a_channel_the_bot_cannot_see() throws Exception {
    String fileId = uploadUrl(BYTES.length).getFileId();

    assertThat(complete(fileId, "C0SYNC", null).getError()).isEqualTo("file_not_found");
    post(slackDouble.baseUrl() + "upload/" + fileId, RequestBody.create(BYTES)).close();
    assertThat(complete(fileId, "G0SEC", null).getError()).isEqualTo("not_in_channel");
    assertThat(complete(fileId, "C0NONE", null).getError()).isEqualTo("channel_not_found");
    assertThat(slackDouble.sharedFiles("G0SEC")).isEmpty();
  }

  @Test
  void a_scripted_upload_failure_stores_nothing_and_is_listed_as_scripted() throws Exception {
    String url = uploadUrl(BYTES.length).getUploadUrl();
    slackDouble.failNext(SlackDouble.FILE_UPLOAD, 503, Map.of(), "");

    try (Response failed = post(url, RequestBody.create(BYTES))) {
      assertThat(failed.code()).isEqualTo(503);
    }
    assertThat(slackDouble.uploadedFile("F0DEMO1")).isNull();
    assertThat(slackDouble.scriptedCalls(SlackDouble.FILE_UPLOAD)).hasSize(1);
    try (Response retried = post(url, RequestBody.create(BYTES))) {
      assertThat(retried.code()).isEqualTo(200);
    }
  }

  @Test
  void a_file_shared_into_a_dm_lands_in_the_users_dm() throws Exception {
    String fileId = uploadUrl(BYTES.length).getFileId();
    post(slackDouble.baseUrl() + "upload/" + fileId, RequestBody.create(BYTES)).close();

    assertThat(complete(fileId, "U0ADA", null).isOk()).isTrue();
    assertThat(slackDouble.sharedFiles("U0ADA"))
        .singleElement()
        .satisfies(shared -> assertThat(shared.channel()).isEqualTo("D0ADA"));
  }
}
