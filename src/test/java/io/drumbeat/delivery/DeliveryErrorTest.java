package io.drumbeat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a failed attempt is recorded when its error is longer than the outbox keeps. */
class DeliveryErrorTest {

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_error_longer_than_last_error_is_recorded_shortened_and_the_row_is_retried(TestDb db) {
    try (OutboxFixture f = new OutboxFixture(db)) {
      AtomicBoolean failing = new AtomicBoolean(true);
      String longError = "Deadlock detected. SQL statement: " + "x".repeat(1000);
      f.outbox.register(
          "flaky",
          (h, row) -> {
            if (failing.getAndSet(false)) {
              throw new IllegalStateException(longError);
            }
            return Optional.of(Content.text("drawn"));
          });
      f.draw(Delivery.drawn("flaky:1", "flaky", "1", "C0DIST"));

      f.runDue();

      OutboxRow failed = f.row("flaky:1");
      assertThat(failed.state()).isEqualTo(DeliveryState.PENDING);
      assertThat(failed.lastError()).startsWith("error: Deadlock detected.");
      assertThat(failed.lastError()).hasSize(SendFailure.MAX_ERROR);

      f.advance(Duration.ofSeconds(5), Duration.ofSeconds(1));

      assertThat(f.posts("C0DIST")).hasSize(1);
      assertThat(f.row("flaky:1").state()).isEqualTo(DeliveryState.SENT);
      f.slack.close();
    }
  }
}
