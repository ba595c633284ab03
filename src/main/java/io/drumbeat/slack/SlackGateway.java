package io.drumbeat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Slack Web API calls Drumbeat makes outside the outbox: reading profiles, channels and
 * members, and opening modals. Calls are sent directly (no SDK queue, so one throttled method never
 * holds up another); HTTP 429 is retried after Slack's {@code Retry-After}, and 5xx and I/O
 * failures with exponential backoff (Failsafe), except for modals, whose {@code trigger_id} lives 3
 * seconds. Any other failure ({@code ok: false}) becomes a {@link SlackCallException} carrying
 * Slack's error code. Messages are not sent from here: they go through the outbox ({@code
 * io.drumbeat.delivery}).
 */
public final class SlackGateway {
  private final MethodsClient client;
  private final MethodsClient modalClient;
  private final SlackCalls calls;

  /**
   * @param slack the SDK entry point for reads (its config carries the Web API URL and timeouts)
   * @param modals the SDK entry point for {@code views.open}/{@code views.update}, with timeouts
   *     short enough for a 3-second {@code trigger_id}
   * @param botToken the bot token ({@code xoxb-…}); never logged
   * @param firstRetryDelay delay before the first retry of a 5xx or I/O failure; doubles each time
   * @param maxRetries retries after the first attempt
   */
  public SlackGateway(
      Slack slack, Slack modals, String botToken, Duration firstRetryDelay, int maxRetries) {
    this.client = slack.methods(botToken);
    this.modalClient = modals.methods(botToken);
    this.calls = new SlackCalls(firstRetryDelay, maxRetries);
  }

  /**
   * Everyone in a channel ({@code conversations.members}, scopes {@code channels:read} and {@code
   * groups:read}, Tier 4), every page; bots included.
   *
   * @throws SlackCallException e.g. {@code channel_not_found}
   */
  public List<String> members(String channel) {
    return SlackCalls.pages(
        cursor ->
            calls.call(
                "conversations.members",
                () ->
                    client.conversationsMembers(r -> r.channel(channel).limit(200).cursor(cursor))),
        r -> r.getMembers(),
        r -> r.getResponseMetadata());
  }

  /**
   * Every member of the workspace ({@code users.list}, scope {@code users:read}, Tier 2), every
   * page of 200, deleted users left out.
   */
  public List<User> users() {
    return SlackCalls.pages(
            cursor ->
                calls.call("users.list", () -> client.usersList(r -> r.limit(200).cursor(cursor))),
            r -> r.getMembers(),
            r -> r.getResponseMetadata())
        .stream()
        .filter(u -> !u.isDeleted())
        .toList();
  }

  /**
   * One channel ({@code conversations.info}, scopes {@code channels:read} and {@code groups:read},
   * Tier 3), or empty when it does not exist or the app cannot see it.
   */
  public Optional<Conversation> channel(String id) {
    try {
      return Optional.of(
          calls
              .call("conversations.info", () -> client.conversationsInfo(r -> r.channel(id)))
              .getChannel());
    } catch (SlackCallException e) {
      if (e.error().equals("channel_not_found")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * All channels the app can see ({@code conversations.list}, scopes {@code channels:read} and
   * {@code groups:read}, Tier 2), every page of 1000, archived ones left out.
   */
  public List<Conversation> channels() {
    List<ConversationType> types =
        List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL);
    return SlackCalls.pages(
        cursor ->
            calls.call(
                "conversations.list",
                () ->
                    client.conversationsList(
                        r -> r.types(types).excludeArchived(true).limit(1000).cursor(cursor))),
        r -> r.getChannels(),
        r -> r.getResponseMetadata());
  }

  /**
   * The bot scopes the workspace granted, from the {@code x-oauth-scopes} header of {@code
   * auth.test}; empty when Slack does not say.
   */
  public Set<String> grantedScopes() {
    var response = calls.call("auth.test", () -> client.authTest(r -> r));
    var headers = response.getHttpResponseHeaders();
    List<String> values = headers == null ? null : headers.get("x-oauth-scopes");
    if (values == null || values.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(String.join(",", values).split(","))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .collect(Collectors.toSet());
  }

  /**
   * Opens a modal for a {@code trigger_id} ({@code views.open}; no scope, Tier 4). Called on the
   * request thread before the ack: the trigger expires after 3 seconds.
   *
   * @return the view id
   * @throws SlackCallException e.g. {@code expired_trigger_id}, or {@code http_429}
   */
  public String openView(String triggerId, View view) {
    return calls
        .once("views.open", () -> modalClient.viewsOpen(r -> r.triggerId(triggerId).view(view)))
        .getView()
        .getId();
  }

  /**
   * Replaces an open modal ({@code views.update}); {@code hash} guards against races.
   *
   * @throws SlackCallException e.g. {@code hash_conflict}
   */
  public void updateView(String viewId, String hash, View view) {
    calls.once(
        "views.update", () -> modalClient.viewsUpdate(r -> r.viewId(viewId).hash(hash).view(view)));
  }
}
