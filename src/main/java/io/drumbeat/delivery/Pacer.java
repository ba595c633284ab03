package io.drumbeat.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsRateLimitTier;
import com.slack.api.methods.MethodsRateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces deliveries at Slack's rate limits (docs.slack.dev/apis/web-api/rate-limits): {@code
 * chat.postMessage} at about one message per second per channel with short bursts, under a
 * workspace-wide limit ({@code postsPerMinute}); other methods at their tier's rate per workspace
 * (the SDK's {@link MethodsRateLimits} table). A 429 with {@code Retry-After} on one channel holds
 * back only that channel. Token buckets (Bucket4j) run on the injected clock, so a slot is an
 * instant: a delivery that must wait is rescheduled to its booked slot instead of blocking a
 * thread.
 */
final class Pacer {
  private static final Duration PER_CHANNEL = Duration.ofSeconds(1);
  private static final int CHANNEL_BURST = 3;

  private final Clock clock;
  private final TimeMeter meter;
  private final int postsPerMinute;
  private final Map<String, Bucket> workspace = new ConcurrentHashMap<>();
  private final Cache<String, Bucket> channels =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
  private final Cache<String, Instant> blocked =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();
  private final Cache<String, Instant> booked =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(30)).build();

  /**
   * @param clock the time source of the buckets
   * @param postsPerMinute the workspace-wide {@code chat.postMessage} budget per minute
   */
  Pacer(Clock clock, int postsPerMinute) {
    this.clock = clock;
    this.postsPerMinute = postsPerMinute;
    this.meter =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
  }

  /**
   * When delivery {@code key} may call {@code method} for {@code channel}: its slot is booked on
   * the first ask and kept for the next, so a rescheduled delivery does not queue again.
   *
   * @param channel the channel the call is about, or null when the method is not paced per channel
   * @return an instant not after now when it may go now, else the later instant it may go at
   */
  Instant slot(String key, String method, String channel) {
    Instant now = clock.instant();
    Instant slot = booked.getIfPresent(key);
    if (slot == null) {
      long wait = bucket(method).consumeIgnoringRateLimits(1);
      if (channel != null && method.equals("chat.postMessage")) {
        wait = Math.max(wait, channel(channel).consumeIgnoringRateLimits(1));
      }
      slot = now.plusNanos(wait);
    }
    Instant free = channel == null ? null : blocked.getIfPresent(channel);
    if (free != null && free.isAfter(slot)) {
      slot = free;
    }
    if (slot.isAfter(now)) {
      booked.put(key, slot);
    } else {
      booked.invalidate(key);
    }
    return slot;
  }

  /** Holds {@code channel} back for {@code retryAfter} (Slack answered 429). */
  void block(String channel, Duration retryAfter) {
    Instant until = clock.instant().plus(retryAfter);
    blocked.asMap().merge(channel, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  private Bucket bucket(String method) {
    return workspace.computeIfAbsent(method, m -> build(perMinute(m)));
  }

  private Bucket channel(String channel) {
    return channels.get(
        channel,
        c ->
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder()
                        .capacity(CHANNEL_BURST)
                        .refillGreedy(1, PER_CHANNEL)
                        .build())
                .withCustomTimePrecision(meter)
                .build());
  }

  private int perMinute(String method) {
    if (method.equals("chat.postMessage")) {
      return postsPerMinute;
    }
    MethodsRateLimitTier tier = MethodsRateLimits.lookupRateLimitTier(method);
    Integer perMinute =
        tier == null ? null : MethodsRateLimitTier.getAllowedRequestsPerMinute(tier);
    return perMinute == null ? 600 : perMinute;
  }

  private Bucket build(int perMinute) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(Math.max(1, perMinute / 10))
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .withCustomTimePrecision(meter)
        .build();
  }
}
