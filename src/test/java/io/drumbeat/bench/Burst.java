package io.drumbeat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A burst of signed requests from concurrent senders, all let go at once; each sender sends its
 * requests one after the other. The HTTP response is the ack, so each request's round trip is its
 * ack latency. Percentiles are exact (nearest rank over the sorted samples).
 */
final class Burst {
  /** Sends sender {@code sender}'s next request (0-based) and returns the ack. */
  @FunctionalInterface
  interface Request {
    HttpResponse<String> send(int sender) throws Exception;
  }

  /**
   * What a burst measured.
   *
   * @param nanos every request's round trip, sorted
   * @param answers how many acks fell in each class of the classifier
   * @param seconds from letting the senders go to the last answer
   * @param cpuNanos CPU time the app's request threads used meanwhile (-1: not measured)
   */
  record Outcome(long[] nanos, Map<String, Integer> answers, double seconds, long cpuNanos) {
    /** The {@code p}-th percentile in milliseconds, nearest rank. */
    double ms(double p) {
      int rank = (int) Math.ceil(p / 100 * nanos.length);
      return nanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** One line: count, p50, p90, p99, max, throughput, CPU per request and the answers. */
    String line(String name) {
      return String.format(
          Locale.ROOT,
          "%-30s n=%d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  %.0f req/s%s  answers %s",
          name,
          nanos.length,
          ms(50),
          ms(90),
          ms(99),
          nanos[nanos.length - 1] / 1e6,
          nanos.length / seconds,
          cpuNanos < 0
              ? ""
              : String.format(Locale.ROOT, "  CPU %.2f ms/req", cpuNanos / 1e6 / nanos.length),
          answers);
    }

    /** This outcome's samples and answers together with {@code other}'s. */
    Outcome plus(Outcome other) {
      long[] all = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
      System.arraycopy(other.nanos, 0, all, nanos.length, other.nanos.length);
      Arrays.sort(all);
      Map<String, Integer> sum = new TreeMap<>(answers);
      other.answers.forEach((k, v) -> sum.merge(k, v, Integer::sum));
      long cpu = cpuNanos < 0 || other.cpuNanos < 0 ? -1 : cpuNanos + other.cpuNanos;
      return new Outcome(all, sum, seconds + other.seconds, cpu);
    }
  }

  private Burst() {}

  /**
   * Runs {@code perSender} requests on each of {@code senders} threads.
   *
   * @param classify names the class of an ack, e.g. "opened" or "busy"
   */
  static Outcome run(
      int senders, int perSender, Request request, Function<HttpResponse<String>, String> classify)
      throws Exception {
    return run(senders, perSender, request, classify, null);
  }

  /**
   * As above, also measuring the CPU time of this JVM's threads whose name starts with {@code
   * threads} (the app's request threads; a thread that ends meanwhile is not counted).
   */
  static Outcome run(
      int senders,
      int perSender,
      Request request,
      Function<HttpResponse<String>, String> classify,
      String threads)
      throws Exception {
    long cpu = threads == null ? 0 : cpuNanos(threads);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    CountDownLatch go = new CountDownLatch(1);
    Map<String, Integer> answers = new ConcurrentHashMap<>();
    List<Future<long[]>> results = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      int sender = i;
      results.add(
          pool.submit(
              () -> {
                long[] nanos = new long[perSender];
                go.await();
                for (int j = 0; j < perSender; j++) {
                  long start = System.nanoTime();
                  HttpResponse<String> ack = request.send(sender);
                  nanos[j] = System.nanoTime() - start;
                  answers.merge(classify.apply(ack), 1, Integer::sum);
                }
                return nanos;
              }));
    }
    long begin = System.nanoTime();
    go.countDown();
    long[] all = new long[senders * perSender];
    for (int i = 0; i < senders; i++) {
      System.arraycopy(results.get(i).get(10, TimeUnit.MINUTES), 0, all, i * perSender, perSender);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    pool.shutdown();
    Arrays.sort(all);
    long used = threads == null ? -1 : cpuNanos(threads) - cpu;
    return new Outcome(all, new TreeMap<>(answers), seconds, used);
  }

  /** CPU time of the live threads whose name starts with {@code prefix}. */
  private static long cpuNanos(String prefix) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(prefix)) {
        sum += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }

  /** "ok" when the ack is a 200 with body {@code okBody}, else its status and start of body. */
  static Function<HttpResponse<String>, String> expecting(String okBody) {
    return ack ->
        ack.statusCode() == 200 && ack.body().equals(okBody)
            ? "ok"
            : ack.statusCode() + " " + ack.body().substring(0, Math.min(40, ack.body().length()));
  }
}
