package io.drumbeat.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link SlackDouble} judges the {@code trigger_id} of {@code views.open}, as Slack does: a
 * trigger is valid for {@link #LIFETIME} from when Slack sent the request that carried it, and for
 * one modal. Error names from docs.slack.dev/reference/methods/views.open; the 3 seconds are
 * Slack's documented ack window, which secondary sources give as the trigger's lifetime too.
 *
 * <p>Trigger ids {@link #mint minted} here carry their issue time: {@code
 * trigger-<epochMillis>-<uuid>}. They are judged by real time (the system clock), whatever clock
 * the double's messages follow, because Slack's clock keeps running while a test's stands still. An
 * id in any other form (a test's hand-written {@code "trigger-1"}) is accepted every time. All
 * methods are thread-safe.
 */
final class SlackDoubleTriggers {
  /** How long a trigger id is valid after Slack sent it. */
  static final Duration LIFETIME = Duration.ofSeconds(3);

  private static final Pattern MINTED =
      Pattern.compile("trigger-(\\d{1,18})-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  /** Above this many remembered ids, those past their lifetime are forgotten. */
  private static final int PRUNE_ABOVE = 10_000;

  private final Clock realTime;
  private final Map<String, Long> used = new ConcurrentHashMap<>();

  /**
   * @param realTime the clock triggers age by (the system clock, except in tests of this class)
   */
  SlackDoubleTriggers(Clock realTime) {
    this.realTime = realTime;
  }

  /** A new trigger id issued at {@code issued}: {@code trigger-<epochMillis>-<uuid>}. */
  static String mint(Instant issued) {
    return "trigger-" + issued.toEpochMilli() + "-" + UUID.randomUUID();
  }

  /**
   * Uses {@code triggerId} for one modal.
   *
   * @param triggerId the {@code trigger_id} argument, possibly null
   * @return empty when it may open a modal (a minted id is then used up), else Slack's error:
   *     {@code expired_trigger_id} when it was issued more than {@link #LIFETIME} ago, {@code
   *     exchanged_trigger_id} when it opened a modal before
   */
  Optional<String> use(String triggerId) {
    Matcher minted = triggerId == null ? null : MINTED.matcher(triggerId);
    if (minted == null || !minted.matches()) {
      return Optional.empty();
    }
    long issued = Long.parseLong(minted.group(1));
    long now = realTime.millis();
    if (now - issued > LIFETIME.toMillis()) {
      return Optional.of("expired_trigger_id");
    }
    if (used.putIfAbsent(triggerId, issued) != null) {
      return Optional.of("exchanged_trigger_id");
    }
    if (used.size() > PRUNE_ABOVE) {
      used.values().removeIf(at -> now - at > LIFETIME.toMillis());
    }
    return Optional.empty();
  }
}
