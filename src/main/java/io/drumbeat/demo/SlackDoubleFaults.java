package io.drumbeat.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failures and delays scripted on a {@link SlackDouble}: decides, for each call, whether a
 * script answers it instead of the workspace (then the call has no effect) and how long its answer
 * is held back. All methods are thread-safe.
 */
final class SlackDoubleFaults {

  /** A raw HTTP answer: status, extra headers, body ({@code ""} for none). */
  record Answer(int status, Map<String, String> headers, String body) {
    Answer {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }
  }

  private record Every(int every, Answer answer, AtomicInteger seen) {}

  private record Outage(int status, Instant until) {}

  private record Throttle(int retryAfterSeconds, AtomicInteger remaining) {}

  /** The methods {@link #rateLimitChannel} throttles. */
  private static final Set<String> CHANNEL_LIMITED = Set.of("chat.postMessage", "chat.update");

  private final Map<String, Queue<Answer>> queued = new ConcurrentHashMap<>();
  private final Map<String, Every> periodic = new ConcurrentHashMap<>();
  private final Map<String, Outage> outages = new ConcurrentHashMap<>();
  private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();

  void failNext(String method, Answer answer) {
    queued.computeIfAbsent(method, k -> new ConcurrentLinkedQueue<>()).add(answer);
  }

  void failEvery(String method, int every, Answer answer) {
    periodic.put(method, new Every(every, answer, new AtomicInteger()));
  }

  void failUntil(String method, int status, Instant until) {
    outages.put(method, new Outage(status, until));
  }

  void rateLimitChannel(String conversationId, int retryAfterSeconds, int times) {
    throttles.put(conversationId, new Throttle(retryAfterSeconds, new AtomicInteger(times)));
  }

  void delayAnswers(String method, Duration delay) {
    if (delay.isZero()) {
      delays.remove(method);
    } else {
      delays.put(method, delay);
    }
  }

  /** How long answers to {@code method} are held back; {@link Duration#ZERO} for not at all. */
  Duration delayOf(String method) {
    return delays.getOrDefault(method, Duration.ZERO);
  }

  /**
   * The scripted answer for one call, or {@code null} when the workspace answers it. Checked in
   * this order: a queued {@code failNext}, a due {@code failEvery}, an outage ({@code failUntil})
   * still running at {@code receivedAt}, a throttled conversation ({@code rateLimitChannel}).
   */
  Answer scriptFor(String method, Map<String, String> params, Instant receivedAt) {
    Queue<Answer> queue = queued.get(method);
    Answer next = queue == null ? null : queue.poll();
    if (next != null) {
      return next;
    }
    Every every = periodic.get(method);
    if (every != null && every.seen().incrementAndGet() % every.every() == 0) {
      return every.answer();
    }
    Outage outage = outages.get(method);
    if (outage != null && receivedAt.isBefore(outage.until())) {
      return outageAnswer(outage, receivedAt);
    }
    return CHANNEL_LIMITED.contains(method) ? throttled(params.get("channel")) : null;
  }

  /** Forgets every script and delay. */
  void clear() {
    queued.clear();
    periodic.clear();
    outages.clear();
    throttles.clear();
    delays.clear();
  }

  private Answer throttled(String channel) {
    Throttle throttle =
        channel == null ? null : throttles.get(SlackDoubleWorkspace.conversationOf(channel));
    if (throttle == null) {
      return null;
    }
    int before =
        throttle.remaining().getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1));
    if (before <= 0) {
      return null;
    }
    return new Answer(
        429,
        Map.of("Retry-After", Integer.toString(throttle.retryAfterSeconds())),
        SlackDoubleResponses.error("ratelimited").toString());
  }

  private static Answer outageAnswer(Outage outage, Instant receivedAt) {
    String error =
        switch (outage.status()) {
          case 429 -> "ratelimited";
          case 500 -> "internal_error";
          case 502, 503, 504 -> "service_unavailable";
          default -> "fatal_error";
        };
    String body = SlackDoubleResponses.error(error).toString();
    if (outage.status() != 429) {
      return new Answer(outage.status(), Map.of(), body);
    }
    long millisLeft = Duration.between(receivedAt, outage.until()).toMillis();
    long retryAfter = Math.max(1, (millisLeft + 999) / 1000);
    return new Answer(429, Map.of("Retry-After", Long.toString(retryAfter)), body);
  }
}
