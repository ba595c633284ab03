package io.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.drumbeat.TestSlackApp;
import io.drumbeat.store.TestDb;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies over 64 KiB on the real Jetty endpoint are refused with 413 before they are parsed. A 100
 * MB upload, generated on the fly, is refused quickly, after little more than 64 KiB was read, and
 * without the server's heap growing: the server runs in this JVM, so its heap is this JVM's heap,
 * measured after a GC before and after, and its request threads' allocations are counted.
 */
class OversizedBodyTest {
  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, ZoneId.of("America/Los_Angeles"));
  static final long HUNDRED_MB = 100L * 1024 * 1024;
  static final long FEW_MB = 4L * 1024 * 1024;
  static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  TestSlackApp t;
  SlackPosts posts;

  @BeforeEach
  void start() {
    t = TestSlackApp.start(TestDb.H2, NOW);
    posts = new SlackPosts(t.app.port());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void a_chunked_upload_of_100_mb_is_refused_quickly_with_413_and_the_heap_does_not_grow()
      throws Exception {
    assertRefusedWithoutGrowingTheHeap(true);
  }

  @Test
  void an_upload_of_100_mb_with_a_content_length_is_refused_quickly_with_413() throws Exception {
    assertRefusedWithoutGrowingTheHeap(false);
  }

  @Test
  void a_signed_body_of_exactly_64_kib_is_accepted() {
    String head = "command=%2Fokr-update&user_id=U0AAA1&trigger_id=t1&team_id=T0DEMO&text=";
    String body = head + "a".repeat(64 * 1024 - head.length());
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);

    assertThat(posts.signed(body).statusCode()).isEqualTo(200);
  }

  @Test
  void a_signed_body_one_byte_over_64_kib_is_refused_with_413_before_it_is_parsed() {
    String head = "command=%2Fokr-update&user_id=U0AAA1&trigger_id=t1&team_id=T0DEMO&text=";
    String body = head + "a".repeat(64 * 1024 + 1 - head.length());

    assertThat(posts.signed(body).statusCode()).isEqualTo(413);
    t.settle();
    assertThat(t.slack.calls("views.open")).isEmpty();
  }

  private void assertRefusedWithoutGrowingTheHeap(boolean chunked) throws Exception {
    LargeUpload.post(t.app.port(), HttpServer.EVENTS_PATH, 1024, chunked); // warm up the path
    long before = usedHeapAfterGc();
    Map<Long, Long> serverBefore = allocatedByServerThreads();
    LargeUpload.Outcome outcome;
    long logged;
    try (LogCapture log = LogCapture.start()) {
      outcome = LargeUpload.post(t.app.port(), HttpServer.EVENTS_PATH, HUNDRED_MB, chunked);
      logged = log.totalBytes();
    }
    t.settle();
    long allocated = allocatedSince(serverBefore);
    long after = usedHeapAfterGc();
    System.out.printf(
        "100 MB %s upload: status %d after %d ms, %d body bytes sent; used heap after GC %+d KiB;"
            + " allocated by the server's threads %d KiB; %d bytes logged%n",
        chunked ? "chunked" : "Content-Length",
        outcome.status(),
        outcome.elapsed().toMillis(),
        outcome.bytesSent(),
        (after - before) / 1024,
        allocated / 1024,
        logged);

    assertThat(outcome.status()).isEqualTo(413);
    assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(5));
    assertThat(outcome.bytesSent()).isLessThan(HUNDRED_MB / 2);
    assertThat(after - before).isLessThan(FEW_MB);
    assertThat(allocated).isLessThan(FEW_MB);
    assertThat(logged).isLessThan(1024);
  }

  private static long usedHeapAfterGc() {
    System.gc();
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /**
   * Bytes allocated so far by each of Jetty's request threads (Jetty names its default thread pool
   * "qtp…"), by thread id. Unlike sampling the used heap, this counts only what the server itself
   * allocates, not what other threads of the test JVM do meanwhile.
   */
  private static Map<Long, Long> allocatedByServerThreads() {
    Map<Long, Long> bytes = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("qtp")) {
        bytes.put(thread.getId(), THREADS.getThreadAllocatedBytes(thread.getId()));
      }
    }
    return bytes;
  }

  private static long allocatedSince(Map<Long, Long> before) {
    long total = 0;
    for (Map.Entry<Long, Long> now : allocatedByServerThreads().entrySet()) {
      total += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
    }
    return total;
  }
}
