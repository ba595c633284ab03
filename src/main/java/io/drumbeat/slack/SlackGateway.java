package io.drumbeat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every Slack Web API call Drumbeat makes. Calls go through the SDK's rate-limit-aware {@link
 * AsyncMethodsClient}, which paces each method to its tier and re-queues a request that gets HTTP
 * 429 until its {@code Retry-After} has passed (modals, which a person waits for, skip the queue:
 * see {@link #openView}); HTTP 5xx and I/O failures are retried with exponential backoff
 * (Failsafe). Anything else ({@code ok: false}) becomes a {@link SlackCallException} carrying
 * Slack's error code, so callers surface it; nothing is dropped.
 */
public final class SlackGateway {
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);
  private final AsyncMethodsClient client;
  private final MethodsClient now;
  private final RetryPolicy<Object> retry;

  /**
   * @param slack the SDK entry point (its config carries the Web API URL)
   * @param botToken the bot token ({@code xoxb-…}); never logged
   * @param firstRetryDelay delay before the first retry of a 5xx or I/O failure; doubles each time
   * @param maxRetries retries after the first attempt
   */
  public SlackGateway(Slack slack, String botToken, Duration firstRetryDelay, int maxRetries) {
    this.client = slack.methodsAsync(botToken);
    this.now = slack.methods(botToken);
    this.retry =
        RetryPolicy.builder()
            .handle(TransientFailure.class)
            .withBackoff(firstRetryDelay, firstRetryDelay.multipliedBy(16))
            .withMaxRetries(maxRetries)
            .build();
  }

  /**
   * Posts a message ({@code chat.postMessage}; scope {@code chat:write}, and {@code
   * chat:write.public} for public channels the app has not joined).
   *
   * @param channel channel id, DM id or user id
   * @param text fallback text for notifications (mrkdwn, already escaped)
   * @param blocks at most 50 blocks
   * @param threadTs parent message ts to reply in a thread, or null
   * @return where the message landed
   * @throws SlackCallException e.g. {@code not_in_channel}, {@code channel_not_found}
   */
  public Posted post(String channel, String text, List<LayoutBlock> blocks, String threadTs) {
    var response =
        call(
            "chat.postMessage",
            () ->
                client.chatPostMessage(
                    r -> r.channel(channel).text(text).blocks(blocks).threadTs(threadTs)));
    return new Posted(response.getChannel(), response.getTs());
  }

  /**
   * Replaces a message ({@code chat.update}).
   *
   * @throws SlackCallException e.g. {@code message_not_found}
   */
  public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    call(
        "chat.update",
        () -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /**
   * Posts a message under another name and picture ({@code username}, {@code icon_url}), e.g. a
   * member's daily update; needs scope {@code chat:write.customize}.
   */
  public Posted postAs(
      String channel, String text, List<LayoutBlock> blocks, String username, String iconUrl) {
    var response =
        call(
            "chat.postMessage",
            () ->
                client.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .text(text)
                            .blocks(blocks)
                            .username(username)
                            .iconUrl(iconUrl)));
    return new Posted(response.getChannel(), response.getTs());
  }

  /**
   * Everyone in a channel ({@code conversations.members}, scopes {@code channels:read} and {@code
   * groups:read}), every page; bots included. Sent directly, not through the pacing queue: the
   * roster reads it about once per team an hour, far below Tier 4 (100+ a minute).
   */
  public List<String> members(String channel) {
    return pages(
        cursor ->
            callNow(
                "conversations.members",
                () -> now.conversationsMembers(r -> r.channel(channel).limit(200).cursor(cursor))),
        r -> r.getMembers(),
        r -> r.getResponseMetadata());
  }

  /**
   * The bot scopes the workspace granted, from the {@code x-oauth-scopes} header of {@code
   * auth.test}; empty when Slack does not say.
   */
  public java.util.Set<String> grantedScopes() {
    var response = callNow("auth.test", () -> now.authTest(r -> r));
    var headers = response.getHttpResponseHeaders();
    List<String> values = headers == null ? null : headers.get("x-oauth-scopes");
    if (values == null || values.isEmpty()) {
      return java.util.Set.of();
    }
    return java.util.Arrays.stream(String.join(",", values).split(","))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Opens (or finds) the DM with a user ({@code conversations.open}, scope {@code im:write}). */
  public String openDm(String userId) {
    return call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(userId))))
        .getChannel()
        .getId();
  }

  /** A user's profile ({@code users.info}, scope {@code users:read}). */
  public User userInfo(String userId) {
    return call("users.info", () -> client.usersInfo(r -> r.user(userId))).getUser();
  }

  /**
   * All channels the app can see ({@code conversations.list}, scopes {@code channels:read} and
   * {@code groups:read}), every page.
   */
  public List<Conversation> channels() {
    List<ConversationType> types =
        List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL);
    return pages(
        cursor ->
            call(
                "conversations.list",
                () ->
                    client.conversationsList(
                        r -> r.types(types).excludeArchived(true).limit(200).cursor(cursor))),
        r -> r.getChannels(),
        r -> r.getResponseMetadata());
  }

  /**
   * Every item of a cursor-paginated method: calls {@code page} with null, then with each {@code
   * next_cursor} until Slack sends an empty one.
   */
  private static <R, T> List<T> pages(
      java.util.function.Function<String, R> page,
      java.util.function.Function<R, List<T>> items,
      java.util.function.Function<R, com.slack.api.model.ResponseMetadata> metadata) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    do {
      R response = page.apply(cursor);
      all.addAll(items.apply(response));
      var meta = metadata.apply(response);
      cursor = meta == null ? null : meta.getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return all;
  }

  /** Opens a modal for a {@code trigger_id} ({@code views.open}; no scope). */
  public String openView(String triggerId, View view) {
    return callNow("views.open", () -> now.viewsOpen(r -> r.triggerId(triggerId).view(view)))
        .getView()
        .getId();
  }

  /** Replaces an open modal ({@code views.update}); {@code hash} guards against races. */
  public void updateView(String viewId, String hash, View view) {
    callNow("views.update", () -> now.viewsUpdate(r -> r.viewId(viewId).hash(hash).view(view)));
  }

  /**
   * A call a person is waiting for (a modal with a 3-second {@code trigger_id}): sent at once, not
   * queued behind the rate limiter, so it either opens in time or fails visibly (HTTP 429 becomes
   * {@code http_429}). 5xx and I/O failures are still retried.
   */
  private <T extends SlackApiTextResponse> T callNow(String method, SyncCall<T> request) {
    return call(
        method,
        () -> {
          try {
            return CompletableFuture.completedFuture(request.call());
          } catch (IOException | SlackApiException e) {
            return CompletableFuture.failedFuture(e);
          }
        });
  }

  @FunctionalInterface
  private interface SyncCall<T> {
    T call() throws IOException, SlackApiException;
  }

  private <T extends SlackApiTextResponse> T call(
      String method, Supplier<CompletableFuture<T>> request) {
    T response;
    try {
      response = Failsafe.with(retry).get(() -> await(method, request.get()));
    } catch (TransientFailure e) {
      throw new SlackCallException(method, e.getMessage(), e.getCause());
    } catch (FailsafeException e) {
      throw new SlackCallException(method, "interrupted", e);
    }
    if (!response.isOk()) {
      throw new SlackCallException(method, response.getError(), null);
    }
    return response;
  }

  private static <T> T await(String method, CompletableFuture<T> future)
      throws InterruptedException {
    try {
      return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TransientFailure("timeout", e);
    } catch (ExecutionException e) {
      throw classify(method, e.getCause());
    }
  }

  private static RuntimeException classify(String method, Throwable failure) {
    Throwable cause = failure;
    if (failure instanceof MethodsCompletionException mce) {
      cause =
          mce.getIoException() != null
              ? mce.getIoException()
              : mce.getSlackApiException() != null ? mce.getSlackApiException() : mce;
    }
    if (cause instanceof SlackApiException api) {
      int code = api.getResponse().code();
      return code >= 500
          ? new TransientFailure("http_" + code, api)
          : new SlackCallException(method, "http_" + code, api);
    }
    if (cause instanceof IOException io) {
      return new TransientFailure("io_error: " + io.getMessage(), io);
    }
    return new SlackCallException(method, String.valueOf(cause), cause);
  }

  /**
   * Where a posted message landed.
   *
   * @param channel channel id (a DM id when posted to a user)
   * @param ts the message timestamp, its id for updates and threads
   */
  public record Posted(String channel, String ts) {}

  private static final class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransientFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
