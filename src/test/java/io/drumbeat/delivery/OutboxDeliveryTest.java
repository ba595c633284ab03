package io.drumbeat.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.store.TestDb;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the outbox promises for one instance: each delivery made once, after its commit. */
class OutboxDeliveryTest {

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_message_recorded_in_a_transaction_is_posted_once_after_it_commits(TestDb db) {
    try (OutboxFixture f = new OutboxFixture(db)) {
      f.record(Delivery.message("hello:1", "C0DIST", Content.text("Hello")));
      f.runDue();
      f.runDue();

      assertThat(f.posts("C0DIST"))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.param("text")).isEqualTo("Hello");
                assertThat(c.json("metadata").path("event_payload").path("key").asText())
                    .isEqualTo("hello:1");
              });
      assertThat(f.row("hello:1").state()).isEqualTo(DeliveryState.SENT);
      assertThat(f.row("hello:1").postedTs()).isNotNull();
      f.slack.close();
    }
  }

  @Test
  void nothing_is_posted_when_the_transaction_rolls_back() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      try {
        f.inTransaction(
            h -> {
              f.outbox.enqueue(h, Delivery.message("gone:1", "C0DIST", Content.text("Never")));
              throw new IllegalStateException("the change failed");
            });
      } catch (IllegalStateException expected) {
        // the change and its message are rolled back together
      }
      f.advance(Duration.ofMinutes(1), Duration.ofSeconds(10));

      assertThat(f.posts("C0DIST")).isEmpty();
      f.slack.close();
    }
  }

  @Test
  void recording_the_same_key_twice_posts_once() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.record(Delivery.message("once:1", "C0DIST", Content.text("First")));
      f.runDue();
      f.record(Delivery.message("once:1", "C0DIST", Content.text("Second")));
      f.runDue();

      assertThat(f.posts("C0DIST"))
          .singleElement()
          .satisfies(c -> assertThat(c.param("text")).isEqualTo("First"));
      f.slack.close();
    }
  }

  @Test
  void a_dm_is_posted_to_the_user_id_without_conversations_open_and_its_channel_is_remembered() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.record(Delivery.message("dm:1", "U0AAA1", Content.text("Psst")));
      f.runDue();

      assertThat(f.posts("U0AAA1")).hasSize(1);
      assertThat(f.slack.calls("conversations.open")).isEmpty();
      assertThat(f.dms).containsEntry("U0AAA1", "D0AAA1");
      assertThat(f.row("dm:1").postedChannel()).isEqualTo("D0AAA1");
      f.slack.close();
    }
  }

  @Test
  void a_thread_reply_waits_for_its_parent_and_lands_in_its_thread() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.slack.failNext("chat.postMessage", 503, Map.of(), "");
      f.record(Delivery.message("digest:1", "C0DIST", Content.text("Part 1")));
      f.record(
          Delivery.message("digest:2", "C0DIST", Content.text("Part 2")).inThreadOf("digest:1"));
      f.advance(Duration.ofSeconds(30), Duration.ofSeconds(1));

      var posts =
          f.posts("C0DIST").stream()
              .filter(c -> !f.slack.scriptedCalls("chat.postMessage").contains(c))
              .toList();
      assertThat(posts).extracting(c -> c.param("text")).containsExactly("Part 1", "Part 2");
      assertThat(posts.get(1).param("thread_ts")).isEqualTo(f.row("digest:1").postedTs());
      f.slack.close();
    }
  }

  @Test
  void a_5xx_is_retried_with_backoff_and_the_message_is_posted_once_after_recovery() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      for (int i = 0; i < 4; i++) {
        f.slack.failNext("chat.postMessage", 503, Map.of(), "");
      }
      f.record(Delivery.message("retry:1", "C0DIST", Content.text("Eventually")));
      f.advance(Duration.ofMinutes(2), Duration.ofSeconds(1));

      assertThat(f.slack.scriptedCalls("chat.postMessage")).hasSize(4);
      assertThat(f.posts("C0DIST")).hasSize(5);
      assertThat(f.row("retry:1").state()).isEqualTo(DeliveryState.SENT);
      assertThat(f.failures).isEmpty();
      f.slack.close();
    }
  }

  @Test
  void a_refusal_marks_the_row_failed_and_is_reported_once() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.record(Delivery.message("secret:1", "G0SECRET", Content.text("Hidden")));
      f.advance(Duration.ofMinutes(5), Duration.ofSeconds(10));

      assertThat(f.posts("G0SECRET")).hasSize(1);
      assertThat(f.row("secret:1").state()).isEqualTo(DeliveryState.FAILED);
      assertThat(f.row("secret:1").lastError()).isEqualTo("not_in_channel");
      assertThat(f.failures).containsExactly("secret:1 not_in_channel");
      f.slack.close();
    }
  }

  @Test
  void a_message_that_expired_before_it_could_be_delivered_is_not_posted() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.record(
          Delivery.message("prompt:1", "U0AAA1", Content.text("Good morning"))
              .expiringAt(f.clock.instant().minusSeconds(1)));
      f.runDue();

      assertThat(f.posts("U0AAA1")).isEmpty();
      assertThat(f.row("prompt:1").state()).isEqualTo(DeliveryState.EXPIRED);
      f.slack.close();
    }
  }

  @Test
  void a_drawn_message_is_posted_once_then_edited_in_place_to_the_latest_state() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      AtomicInteger items = new AtomicInteger();
      f.outbox.register("counter", (h, row) -> Optional.of(Content.text(items.get() + " items")));
      Delivery counter = Delivery.drawn("counter:1", "counter", "1", "C0DIST");
      f.draw(counter);
      f.runDue();
      items.set(2);
      f.draw(counter);
      items.set(3);
      f.draw(counter);
      f.runDue();

      assertThat(f.posts("C0DIST")).extracting(c -> c.param("text")).containsExactly("0 items");
      assertThat(f.slack.calls("chat.update"))
          .last()
          .satisfies(c -> assertThat(c.param("text")).isEqualTo("3 items"));
      assertThat(f.row("counter:1").state()).isEqualTo(DeliveryState.SENT);
      f.slack.close();
    }
  }

  @Test
  void a_redraw_after_a_failed_one_still_ends_in_the_latest_state() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      AtomicInteger items = new AtomicInteger();
      f.outbox.register("counter", (h, row) -> Optional.of(Content.text(items.get() + " items")));
      Delivery counter = Delivery.drawn("counter:2", "counter", "2", "C0DIST");
      f.draw(counter);
      f.runDue();
      f.slack.failNext("chat.update", 500, Map.of(), "");
      items.set(1);
      f.draw(counter);
      f.runDue();
      items.set(2);
      f.draw(counter);
      f.advance(Duration.ofSeconds(30), Duration.ofSeconds(1));

      assertThat(f.slack.calls("chat.update"))
          .last()
          .satisfies(c -> assertThat(c.param("text")).isEqualTo("2 items"));
      assertThat(f.row("counter:2").state()).isEqualTo(DeliveryState.SENT);
      f.slack.close();
    }
  }

  @Test
  void batched_redraws_wait_for_the_first_ones_not_before_and_land_together() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      AtomicInteger items = new AtomicInteger();
      f.outbox.register("counter", (h, row) -> Optional.of(Content.text(items.get() + " items")));
      Delivery counter = Delivery.drawn("counter:3", "counter", "3", "C0DIST");
      f.draw(counter);
      f.runDue();
      for (int i = 1; i <= 3; i++) {
        items.set(i);
        f.draw(counter.notBefore(f.clock.instant().plusSeconds(10)));
        f.advance(Duration.ofSeconds(2), Duration.ofSeconds(1));
      }
      assertThat(f.slack.calls("chat.update")).isEmpty();
      f.advance(Duration.ofSeconds(10), Duration.ofSeconds(1));

      assertThat(f.slack.calls("chat.update"))
          .singleElement()
          .satisfies(c -> assertThat(c.param("text")).isEqualTo("3 items"));
      f.slack.close();
    }
  }

  @Test
  void a_pending_row_that_lost_its_execution_is_found_by_the_sweeper() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.runDue(); // the sweeper's first round, at start-up
      f.record(Delivery.message("orphan:1", "C0DIST", Content.text("Found")));
      f.inTransaction(
          h -> h.execute("delete from scheduled_tasks where task_name = ?", DeliveryTask.NAME));
      f.runDue();
      assertThat(f.posts("C0DIST")).isEmpty();
      f.advance(Deliveries.SWEEP_EVERY.plusSeconds(1), Duration.ofSeconds(5));

      assertThat(f.posts("C0DIST")).hasSize(1);
      f.slack.close();
    }
  }

  @Test
  void a_429_waits_for_retry_after_and_posts_once() {
    try (OutboxFixture f = new OutboxFixture(TestDb.H2)) {
      f.slack.failNext("chat.postMessage", 429, Map.of("Retry-After", "30"), "");
      f.record(Delivery.message("limited:1", "C0DIST", Content.text("Later")));
      f.advance(Duration.ofSeconds(29), Duration.ofSeconds(1));
      assertThat(f.row("limited:1").state()).isEqualTo(DeliveryState.PENDING);
      f.advance(Duration.ofSeconds(2), Duration.ofSeconds(1));

      assertThat(f.row("limited:1").state()).isEqualTo(DeliveryState.SENT);
      assertThat(f.posts("C0DIST")).hasSize(2);
      f.slack.close();
    }
  }
}
