package io.drumbeat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Files (chart images) shared through the outbox: once, in their thread, found again if lost. */
class FileDeliveryTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_file_is_shared_once_in_the_thread_of_its_message(TestDb db) {
    try (OutboxFixture f = new OutboxFixture(db)) {
      f.record(Delivery.message("digest:1", "C0DIST", Content.text("Digest")));
      f.record(
          Delivery.file("digest:1:chart", "C0DIST", Content.file("chart.png", "Trend", PNG))
              .inThreadOf("digest:1"));
      f.advance(Duration.ofSeconds(5), Duration.ofSeconds(1));

      assertThat(f.slack.sharedFiles("C0DIST"))
          .singleElement()
          .satisfies(
              file -> {
                assertThat(file.threadTs()).isEqualTo(f.row("digest:1").postedTs());
                assertThat(f.slack.uploadedFile(file.fileId())).isEqualTo(PNG);
              });
      assertThat(f.row("digest:1:chart").state()).isEqualTo(DeliveryState.SENT);
      f.slack.close();
    }
  }

  @Test
  void a_share_whose_answer_was_lost_is_found_in_the_history_and_not_shared_again() {
    try (OutboxFixture f = OutboxFixture.withReadTimeout(TestDb.H2, Duration.ofMillis(300))) {
      f.slack.delayAnswers("files.completeUploadExternal", Duration.ofSeconds(2));
      f.record(Delivery.file("chart:1", "C0DIST", Content.file("c.png", "Trend", PNG)));
      f.runDue();
      assertThat(f.row("chart:1").inDoubt()).isTrue();
      f.slack.delayAnswers("files.completeUploadExternal", Duration.ZERO);
      f.advance(Duration.ofSeconds(10), Duration.ofSeconds(1));

      assertThat(f.slack.sharedFiles("C0DIST")).hasSize(1);
      assertThat(f.slack.calls("files.completeUploadExternal")).hasSize(1);
      assertThat(f.row("chart:1").state()).isEqualTo(DeliveryState.SENT);
      f.slack.close();
    }
  }

  @Test
  void a_failed_upload_is_retried_with_a_new_file_and_shared_once() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.slack.failNext("files.getUploadURLExternal", 503, Map.of(), "");
      f.record(Delivery.file("chart:2", "C0DIST", Content.file("c.png", "Trend", PNG)));
      f.advance(Duration.ofSeconds(10), Duration.ofSeconds(1));

      assertThat(f.slack.sharedFiles("C0DIST")).hasSize(1);
      assertThat(f.row("chart:2").state()).isEqualTo(DeliveryState.SENT);
      f.slack.close();
    }
  }

  @Test
  void a_file_in_the_thread_of_a_dm_is_shared_in_that_dm() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.record(Delivery.message("confirm:1", "U0AAA1", Content.text("Saved")));
      f.record(
          Delivery.file("confirm:1:trend", "U0AAA1", Content.file("kr.png", "KR1.1", PNG))
              .inThreadOf("confirm:1"));
      f.advance(Duration.ofSeconds(5), Duration.ofSeconds(1));

      assertThat(f.slack.sharedFiles("U0AAA1"))
          .singleElement()
          .satisfies(file -> assertThat(file.threadTs()).isEqualTo(f.row("confirm:1").postedTs()));
      f.slack.close();
    }
  }
}
