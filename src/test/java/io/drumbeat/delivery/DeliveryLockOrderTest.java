package io.drumbeat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * A change to a message's subject made while that message's first post is being recorded (found by
 * the okr burst benchmark: a check-in revised while its echo was recorded deadlocked on H2, and the
 * database rolled one of them back).
 */
class DeliveryLockOrderTest {

  @Test
  void a_change_made_while_its_post_is_recorded_waits_instead_of_deadlocking() throws Exception {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.inTransaction(
          h -> {
            h.execute("create table subject_probe (id int primary key, n int)");
            h.execute("insert into subject_probe values (1, 0)");
          });
      f.outbox.register("probe", new ProbeRenderer());
      Delivery probe = Delivery.drawn("probe:1", "probe", "1", "C0DIST");
      f.draw(probe);

      CompletableFuture<Void> deliveredAfterTheChange;
      try (Handle change = f.database.jdbi().open()) {
        change.begin();
        change.execute("update subject_probe set n = 1 where id = 1"); // the change, as a revision
        deliveredAfterTheChange = CompletableFuture.runAsync(f::runDue);
        awaitBlockedOnALock(); // the delivery posted and waits to record it
        f.outbox.draw(change, probe); // ... which then asks for a redraw
        change.commit();
      }
      deliveredAfterTheChange.get(30, TimeUnit.SECONDS);
      f.runDue();

      assertThat(f.posts("C0DIST")).extracting(c -> c.param("text")).containsExactly("n=0");
      assertThat(f.slack.calls("chat.update"))
          .extracting(c -> c.param("text"))
          .containsExactly("n=1");
      assertThat(f.slack.calls("conversations.history")).isEmpty(); // nothing was in doubt
      assertThat(f.row("probe:1").state()).isEqualTo(DeliveryState.SENT);
      f.slack.close();
    }
  }

  /** Draws {@code n=<n>} from the probe row; records the post by updating that row. */
  private static final class ProbeRenderer implements Renderer {
    @Override
    public Optional<Content> render(Handle handle, OutboxRow row) {
      int n =
          handle.createQuery("select n from subject_probe where id = 1").mapTo(Integer.class).one();
      return Optional.of(Content.text("n=" + n));
    }

    @Override
    public void posted(Handle handle, OutboxRow row, Posted at) {
      handle.execute("update subject_probe set n = n where id = 1");
    }
  }

  /** Waits until some thread waits for a row lock in H2 (at most 20 s). */
  private static void awaitBlockedOnALock() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (Thread.getAllStackTraces().values().stream()
        .noneMatch(
            stack ->
                Arrays.stream(stack)
                    .anyMatch(
                        frame ->
                            frame.getClassName().equals("org.h2.mvstore.tx.Transaction")
                                && frame.getMethodName().equals("waitFor")))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the delivery never waited for the change's lock");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
