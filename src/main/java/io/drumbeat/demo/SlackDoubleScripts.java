package io.drumbeat.demo;

import io.drumbeat.demo.SlackDoubleFaults.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The failure and delay scripts of a {@link SlackDouble}, whose public API continues here: which
 * calls a script answers instead of the workspace (then the call has no effect, but is recorded and
 * listed by {@link SlackDouble#scriptedCalls}), and which answers are held back. Scripts are
 * checked in this order: a queued {@link #failNext}, a due {@link #failEvery}, a running {@link
 * #failUntil}, a {@link #rateLimitChannel}. {@link SlackDouble#clear()} forgets them all. All
 * methods are thread-safe.
 */
public abstract sealed class SlackDoubleScripts permits SlackDouble {

  /** The scripts themselves, consulted by the double for every call. */
  final SlackDoubleFaults faults = new SlackDoubleFaults();

  SlackDoubleScripts() {}

  /**
   * Scripts the raw response of the next call of {@code method} (or {@value
   * SlackDouble#RESPONSE_URL}). Scripts queue up per method and each is used once; the call is
   * still recorded.
   *
   * @param httpStatus e.g. 429 or 500
   * @param headers extra response headers, e.g. {@code Map.of("Retry-After", "1")} (seconds)
   * @param body the raw body; {@code ""} sends none
   */
  public void failNext(String method, int httpStatus, Map<String, String> headers, String body) {
    faults.failNext(method, new Answer(httpStatus, headers, body));
  }

  /**
   * Scripts every {@code every}-th call of {@code method} from now on (the {@code every}-th, the
   * {@code 2·every}-th, …) to answer like {@link #failNext}, until {@link SlackDouble#clear()} or
   * the next {@code failEvery} of that method. Calls answered by a {@link #failNext} script do not
   * count.
   *
   * @param every 1 or more
   * @throws IllegalArgumentException if {@code every} is less than 1
   */
  public void failEvery(
      String method, int every, int httpStatus, Map<String, String> headers, String body) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be 1 or more: " + every);
    }
    faults.failEvery(method, every, new Answer(httpStatus, headers, body));
  }

  /** Scripts the next call of {@code method} to answer 200 {@code {"ok":false,"error":error}}. */
  public void failNextWithError(String method, String error) {
    failNext(method, 200, Map.of(), SlackDoubleResponses.error(error).toString());
  }

  /**
   * Makes every call of {@code method} received while the double's clock reads before {@code until}
   * answer {@code httpStatus} with no effect (nothing stored) and body {@code
   * {"ok":false,"error":e}}, {@code e} being {@code ratelimited} for 429 (which also carries {@code
   * Retry-After}: the whole seconds left until {@code until}, at least 1), {@code internal_error}
   * for 500, {@code service_unavailable} for 502–504, {@code fatal_error} else. Replaces an earlier
   * {@code failUntil} of that method; lasts until {@link SlackDouble#clear()}.
   */
  public void failUntil(String method, int httpStatus, Instant until) {
    faults.failUntil(method, httpStatus, Objects.requireNonNull(until, "until"));
  }

  /**
   * Makes the next {@code times} calls of {@code chat.postMessage} or {@code chat.update} aimed at
   * one conversation answer HTTP 429 with {@code Retry-After: <retryAfterSeconds>} and body {@code
   * {"ok":false,"error":"ratelimited"}}, with no effect. A call is aimed at it when its {@code
   * channel} argument is that id, or a user id whose DM it is. Other conversations and methods are
   * unaffected. Replaces an earlier limit on that conversation.
   *
   * @param channelOrUserId a conversation id, or a user id meaning that user's DM
   * @param times how many calls to refuse; {@link Integer#MAX_VALUE} refuses until {@link
   *     SlackDouble#clear()}
   * @throws IllegalArgumentException if {@code retryAfterSeconds} or {@code times} is negative
   */
  public void rateLimitChannel(String channelOrUserId, int retryAfterSeconds, int times) {
    if (retryAfterSeconds < 0 || times < 0) {
      throw new IllegalArgumentException("retryAfterSeconds and times must be 0 or more");
    }
    String conversation = SlackDoubleWorkspace.conversationOf(channelOrUserId);
    faults.rateLimitChannel(conversation, retryAfterSeconds, times);
  }

  /**
   * Holds back every answer to {@code method} (scripted ones included) by {@code delay} of real
   * time, while the call takes effect at once: e.g. a post is stored, then a client whose read
   * timeout is shorter gives up as if the answer were lost. Delayed answers wait on a scheduler,
   * not on a serving thread. Lasts until {@code delayAnswers(method, Duration.ZERO)} or {@link
   * SlackDouble#clear()}; answers already waiting are still sent.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public void delayAnswers(String method, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    faults.delayAnswers(method, delay);
  }
}
