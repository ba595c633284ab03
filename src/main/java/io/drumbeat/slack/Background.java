package io.drumbeat.slack;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that runs after a Slack listener has acked (Bolt for Java has no lazy listeners; see {@code
 * bolt-basics.md}): opening modals, echoing check-ins, sending confirmations. A boundary: failures
 * are logged, never thrown. {@link #awaitIdle} lets the demo and tests wait for it without
 * sleeping.
 */
public final class Background implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Background.class);
  private final ExecutorService pool;
  private final AtomicInteger pending = new AtomicInteger();
  private final Object idle = new Object();

  /**
   * @param threads worker threads
   */
  public Background(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "drumbeat-bg-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs {@code task} soon on a worker thread.
   *
   * @param what short description for the log if it fails
   */
  public void run(String what, Runnable task) {
    pending.incrementAndGet();
    pool.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("Background work failed: {}: {}", what, e.getMessage(), e);
          } finally {
            if (pending.decrementAndGet() == 0) {
              synchronized (idle) {
                idle.notifyAll();
              }
            }
          }
        });
  }

  /**
   * Waits until no background work is pending.
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
