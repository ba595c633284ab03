package io.drumbeat.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

/**
 * The Slack Web API calls that deliver outbox rows, made directly (no SDK queue, so pacing is the
 * {@link Pacer}'s) and classified into {@link SendFailure}s. Every post carries Slack message
 * {@code metadata} naming its delivery key ({@value #EVENT_TYPE}), so that a post whose answer was
 * lost can be found again ({@link Reconciler}).
 */
public final class SlackSender {
  /** The message metadata {@code event_type} of Drumbeat's deliveries. */
  public static final String EVENT_TYPE = "drumbeat_delivery";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Slack slack;
  private final MethodsClient client;

  /**
   * @param slack the SDK entry point (its config carries the Web API URL and HTTP timeouts)
   * @param botToken the bot token ({@code xoxb-…}); never logged
   */
  public SlackSender(Slack slack, String botToken) {
    this.slack = slack;
    this.client = slack.methods(botToken);
  }

  /**
   * Posts a message ({@code chat.postMessage}, scope {@code chat:write}; {@code chat:write.public}
   * for public channels the app is not in; {@code chat:write.customize} for a name and picture of
   * its own).
   *
   * @param channel channel id, or a user id to post in the app's DM with them
   * @param threadTs parent message to reply to, or null
   * @param key the delivery key, sent as message metadata
   * @throws SendFailure when Slack did not post it (or may have)
   */
  public Posted post(String channel, String threadTs, Content content, String key) {
    Message.Metadata metadata =
        Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of("key", key)).build();
    var response =
        call(
            () ->
                client.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .threadTs(threadTs)
                            .text(content.text())
                            .blocksAsString(content.blocks())
                            .username(content.username())
                            .iconUrl(content.iconUrl())
                            .metadata(metadata)));
    return new Posted(response.getChannel(), response.getTs());
  }

  /**
   * Replaces a message in place ({@code chat.update}, scope {@code chat:write}).
   *
   * @throws SendFailure e.g. {@code message_not_found}
   */
  public void update(String channel, String ts, Content content) {
    call(
        () ->
            client.chatUpdate(
                r ->
                    r.channel(channel)
                        .ts(ts)
                        .text(content.text())
                        .blocksAsString(content.blocks())));
  }

  /**
   * Publishes a person's Home tab ({@code views.publish}; no scope).
   *
   * @throws SendFailure when Slack refuses
   */
  public void publish(String userId, Content content) {
    call(() -> client.viewsPublish(r -> r.userId(userId).viewAsString(content.view())));
  }

  /**
   * Replies to an interaction's {@code response_url} (ephemeral unless it replaces the original).
   *
   * @throws SendFailure when Slack refuses (e.g. the URL expired after 30 minutes) or fails
   */
  public void respond(String url, Content content) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("text", content.text())
            .put("response_type", "ephemeral")
            .put("replace_original", content.replaceOriginal());
    try {
      if (content.blocks() != null) {
        body.set("blocks", JSON.readTree(content.blocks()));
      }
      var response = slack.send(url, body.toString());
      int code = response.getCode();
      if (code == 429) {
        throw new SendFailure(
            SendFailure.Kind.RATE_LIMITED, "http_429", Duration.ofSeconds(1), null);
      }
      if (code >= 500) {
        throw new SendFailure(SendFailure.Kind.UNKNOWN, "http_" + code, Duration.ZERO, null);
      }
      if (code >= 300) {
        throw SendFailure.refused("http_" + code + " " + response.getBody());
      }
    } catch (IOException e) {
      throw transport(e);
    }
  }

  /** The Web API client, for the {@link Reconciler}. */
  MethodsClient client() {
    return client;
  }

  @FunctionalInterface
  interface Call<T> {
    T call() throws IOException, SlackApiException;
  }

  /** Runs a Web API call, turning every way it can fail into a {@link SendFailure}. */
  static <T extends SlackApiTextResponse> T call(Call<T> call) {
    T response;
    try {
      response = call.call();
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        throw new SendFailure(SendFailure.Kind.RATE_LIMITED, "http_429", retryAfter(e), e);
      }
      throw code >= 500
          ? new SendFailure(SendFailure.Kind.UNKNOWN, "http_" + code, Duration.ZERO, e)
          : SendFailure.refused("http_" + code);
    } catch (IOException e) {
      throw transport(e);
    }
    if (!response.isOk()) {
      throw SendFailure.refused(response.getError());
    }
    return response;
  }

  private static SendFailure transport(IOException e) {
    boolean notSent =
        e instanceof ConnectException
            || e instanceof UnknownHostException
            || e instanceof NoRouteToHostException;
    return new SendFailure(
        notSent ? SendFailure.Kind.NOT_SENT : SendFailure.Kind.UNKNOWN,
        "io_error: " + e.getClass().getSimpleName(),
        Duration.ZERO,
        e);
  }

  private static Duration retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header == null ? "1" : header.trim())));
    } catch (NumberFormatException bad) {
      return Duration.ofSeconds(1);
    }
  }
}
