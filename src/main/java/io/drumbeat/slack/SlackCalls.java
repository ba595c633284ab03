package io.drumbeat.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.ResponseMetadata;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How {@link SlackGateway} makes a Web API call: HTTP 429 is retried after Slack's {@code
 * Retry-After} (at most {@link #LONGEST_RETRY_AFTER}), 5xx and I/O failures with exponential
 * backoff (Failsafe); {@link #once} tries a modal call once more after {@link #MODAL_RETRY_DELAY}
 * on a 5xx or I/O failure and never waits for a 429. Anything else ({@code ok: false}) is a {@link
 * SlackCallException} with Slack's error code.
 */
final class SlackCalls {
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);

  /** A modal call that failed with a 5xx or I/O error is tried once more after this delay. */
  private static final Duration MODAL_RETRY_DELAY = Duration.ofMillis(100);

  private final RetryPolicy<Object> retry;
  private final RetryPolicy<Object> quickRetry;

  /**
   * @param firstRetryDelay delay before the first retry of a 5xx or I/O failure; doubles each time
   * @param maxRetries retries after the first attempt
   */
  SlackCalls(Duration firstRetryDelay, int maxRetries) {
    this.retry =
        RetryPolicy.builder()
            .handle(Transient.class)
            .withBackoff(firstRetryDelay, firstRetryDelay.multipliedBy(16))
            .withDelayFnOn(ctx -> ((Transient) ctx.getLastException()).retryAfter, Transient.class)
            .withMaxRetries(maxRetries)
            .build();
    this.quickRetry =
        RetryPolicy.builder()
            .handleIf(e -> e instanceof Transient t && t.retryAfter.isNegative())
            .withDelay(MODAL_RETRY_DELAY)
            .withMaxRetries(1)
            .build();
  }

  /**
   * Every item of a cursor-paginated method: calls {@code page} with null, then with each {@code
   * next_cursor} until Slack sends an empty one.
   */
  static <R, T> List<T> pages(
      Function<String, R> page,
      Function<R, List<T>> items,
      Function<R, ResponseMetadata> metadata) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    do {
      R response = page.apply(cursor);
      List<T> some = items.apply(response);
      if (some != null) {
        all.addAll(some);
      }
      ResponseMetadata meta = metadata.apply(response);
      cursor = meta == null ? null : meta.getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return all;
  }

  @FunctionalInterface
  interface Call<T> {
    T call() throws IOException, SlackApiException;
  }

  <T extends SlackApiTextResponse> T call(String method, Call<T> request) {
    try {
      return Failsafe.with(retry).get(() -> attempt(method, request));
    } catch (Transient e) {
      throw new SlackCallException(method, e.getMessage(), e.getCause());
    } catch (FailsafeException e) {
      throw new SlackCallException(method, "interrupted", e);
    }
  }

  <T extends SlackApiTextResponse> T once(String method, Call<T> request) {
    try {
      return Failsafe.with(quickRetry).get(() -> attempt(method, request));
    } catch (Transient e) {
      throw new SlackCallException(method, e.getMessage(), e.getCause());
    } catch (FailsafeException e) {
      throw new SlackCallException(method, "interrupted", e);
    }
  }

  private static <T extends SlackApiTextResponse> T attempt(String method, Call<T> request) {
    T response;
    try {
      response = request.call();
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        throw new Transient("http_429", retryAfter(e), e);
      }
      if (code >= 500) {
        throw new Transient("http_" + code, Duration.ofMillis(-1), e);
      }
      throw new SlackCallException(method, "http_" + code, e);
    } catch (IOException e) {
      throw new Transient("io_error: " + e.getClass().getSimpleName(), Duration.ofMillis(-1), e);
    }
    if (!response.isOk()) {
      throw new SlackCallException(method, response.getError(), null);
    }
    return response;
  }

  private static Duration retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      Duration wait = Duration.ofSeconds(Long.parseLong(header == null ? "1" : header.trim()));
      return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    } catch (NumberFormatException bad) {
      return Duration.ofSeconds(1);
    }
  }

  /** A failure worth retrying; {@code retryAfter} is Slack's wait for a 429, else negative. */
  private static final class Transient extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    Transient(String message, Duration retryAfter, Throwable cause) {
      super(message, cause);
      this.retryAfter = retryAfter;
    }
  }
}
