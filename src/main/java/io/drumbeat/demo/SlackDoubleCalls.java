package io.drumbeat.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The calls a {@link SlackDouble} recorded, in arrival order, and a way to wait for them. All
 * methods are thread-safe.
 */
final class SlackDoubleCalls {

  /**
   * One recorded call; {@code responseUrlId} is null for Web API methods; {@code scripted} when a
   * script answered it instead of the workspace.
   */
  record Recorded(String responseUrlId, SlackCall call, boolean scripted) {}

  private final List<Recorded> recorded = new ArrayList<>();

  synchronized void add(Recorded call) {
    recorded.add(call);
    notifyAll();
  }

  synchronized List<SlackCall> matching(Predicate<Recorded> filter) {
    return recorded.stream().filter(filter).map(Recorded::call).toList();
  }

  /**
   * Waits until at least {@code count} calls of {@code method} are recorded.
   *
   * @return true when they are, false when {@code timeout} (real time) passed first
   * @throws InterruptedException if the waiting thread is interrupted
   */
  synchronized boolean await(String method, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(method) < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized void clear() {
    recorded.clear();
  }

  private long count(String method) {
    return recorded.stream().filter(r -> r.call().method().equals(method)).count();
  }
}
