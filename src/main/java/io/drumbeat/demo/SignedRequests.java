package io.drumbeat.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drumbeat.slack.Mrkdwn;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays Slack's side of Drumbeat's Slack endpoints: slash commands, interactivity payloads and
 * Events API events, with the payloads Slack sends, over either transport: signed POSTs to {@code
 * /slack/events} ({@link #SignedRequests(URI, String, SlackDouble, Clock)}) or Socket Mode
 * envelopes through the double's WebSocket ({@link #overSocketMode}). Answers read as HTTP
 * responses either way (over Socket Mode: 200 and the ack's payload). Requests are signed like
 * Slack signs them ({@code v0=} HMAC-SHA256 of {@code v0:TIMESTAMP:BODY}). Timestamps come from
 * {@code wallClock}, because Bolt checks them against the real time; so do the {@code trigger_id}s,
 * {@code trigger-<epochMillis>-<uuid>}, which the {@link SlackDouble} accepts for one {@code
 * views.open} within 3 seconds of that time.
 */
public final class SignedRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A user or channel token as Slack formats it in command text. */
  private static final Pattern MENTION =
      Pattern.compile("<(?:@[UW]|#[CG])[A-Z0-9]{2,31}(?:\\|[^<>]*)?>");

  private final SlackTransport transport;
  private final HttpTransport http;
  private final SlackDouble slack;
  private final Clock wallClock;

  /**
   * Requests signed and POSTed over HTTP.
   *
   * @param endpoint Drumbeat's {@code /slack/events} URL
   * @param signingSecret the secret Drumbeat verifies with
   * @param slack the Web API double, whose {@code response_url}s requests carry
   * @param wallClock the real clock (Bolt checks request timestamps against it)
   */
  public SignedRequests(URI endpoint, String signingSecret, SlackDouble slack, Clock wallClock) {
    this.http = new HttpTransport(endpoint, signingSecret, wallClock);
    this.transport = http;
    this.slack = slack;
    this.wallClock = wallClock;
  }

  private SignedRequests(SlackDouble slack, Clock wallClock) {
    this.http = null;
    this.transport = new SocketTransport(slack.socketMode());
    this.slack = slack;
    this.wallClock = wallClock;
  }

  /**
   * The same requests as Socket Mode envelopes, sent through {@code slack}'s WebSocket to whichever
   * Drumbeat connected to it ({@link SlackDouble#socketMode()}).
   */
  public static SignedRequests overSocketMode(SlackDouble slack, Clock wallClock) {
    return new SignedRequests(slack, wallClock);
  }

  /**
   * Sends a slash command as {@code userId} typed it in {@code channelId}, with the {@code text}
   * field as Slack sends it for a command declared with {@code should_escape: true}: {@code &},
   * {@code <} and {@code >} become {@code &amp;}, {@code &lt;} and {@code &gt;} (see {@link
   * #asSlackSends}).
   *
   * @param typed the text after the command as a person typed it, except that @mentions and
   *     #channels are given already formatted as Slack formats them ({@code <@U0AAA1>}, {@code
   *     <@U0AAA1|avery>}, {@code <#C0DIST|distribution>})
   * @return Drumbeat's HTTP response (an ephemeral reply is its JSON body)
   */
  public HttpResponse<String> command(
      String userId, String command, String typed, String channelId) {
    return commandAsSent(userId, command, asSlackSends(typed), channelId);
  }

  /**
   * The {@code text} field Slack sends for {@code typed}: {@code &}, {@code <} and {@code >}
   * escaped as in mrkdwn, except inside the user and channel tokens {@code <@U…>}, {@code
   * <@U…|name>}, {@code <#C…>} and {@code <#C…|name>}, which are kept as given. A typed {@code
   * <!channel>} is escaped: Slack only sends {@code <!channel>} for a typed {@code @channel}.
   */
  public static String asSlackSends(String typed) {
    Matcher token = MENTION.matcher(typed);
    StringBuilder sent = new StringBuilder();
    int done = 0;
    while (token.find()) {
      sent.append(Mrkdwn.escape(typed.substring(done, token.start()))).append(token.group());
      done = token.end();
    }
    return sent.append(Mrkdwn.escape(typed.substring(done))).toString();
  }

  /**
   * Sends a slash command whose {@code text} field is exactly {@code sent}, e.g. {@code "start
   * <!channel>"} for a person who typed {@code /retro start @channel}.
   *
   * @return Drumbeat's HTTP response (an ephemeral reply is its JSON body)
   */
  public HttpResponse<String> commandAsSent(
      String userId, String command, String sent, String channelId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "deprecated-verification-token");
    form.put("team_id", "T0DEMO");
    form.put("team_domain", "drumbeat-demo");
    form.put("channel_id", channelId);
    form.put("channel_name", "general");
    form.put("user_id", userId);
    form.put("user_name", userId.toLowerCase(java.util.Locale.ROOT));
    form.put("command", command);
    form.put("text", sent);
    form.put("api_app_id", "A0DEMO");
    form.put("response_url", slack.responseUrl("cmd-" + UUID.randomUUID()));
    form.put("trigger_id", SlackDoubleTriggers.mint(wallClock.instant()));
    return transport.command(form);
  }

  /** Sends an interactivity payload ({@code block_actions}, {@code view_submission}, …). */
  public HttpResponse<String> interaction(ObjectNode payload) {
    payload.put("api_app_id", "A0DEMO");
    payload.putObject("team").put("id", "T0DEMO").put("domain", "drumbeat-demo");
    if (!payload.has("trigger_id")) {
      payload.put("trigger_id", SlackDoubleTriggers.mint(wallClock.instant()));
    }
    return transport.interaction(payload);
  }

  /**
   * Delivers an Events API event as Slack wraps it ({@code event_callback} with {@code event_id},
   * {@code team_id}, {@code api_app_id} and {@code event_time}).
   *
   * @param event the inner event, e.g. {@code {"type":"user_change","user":{…}}}
   * @param eventId the same for every delivery of one event
   * @param retryNum 0 for the first delivery; Slack's retries count 1, 2, 3 (HTTP: {@code
   *     X-Slack-Retry-Num}; Socket Mode: {@code retry_attempt})
   * @return Drumbeat's answer (its ack)
   */
  public HttpResponse<String> event(ObjectNode event, String eventId, int retryNum) {
    return transport.event(
        SlackTransport.callback(event, eventId, wallClock.instant().getEpochSecond()), retryNum);
  }

  /** A {@code view_submission} of {@code view} (as opened) with {@code values} filled in. */
  public HttpResponse<String> submitView(
      String userId, com.fasterxml.jackson.databind.JsonNode view, FormValues values) {
    ObjectNode payload = JSON.createObjectNode().put("type", "view_submission");
    payload
        .putObject("user")
        .put("id", userId)
        .put("name", userId.toLowerCase(java.util.Locale.ROOT));
    ObjectNode v = payload.putObject("view");
    v.put("id", view.path("id").asText("V0DEMO")).put("type", "modal");
    v.put("callback_id", view.path("callback_id").asText());
    v.put("private_metadata", view.path("private_metadata").asText());
    v.put("hash", view.path("hash").asText("h0"));
    v.putObject("state").set("values", values.toJson());
    return interaction(payload);
  }

  /** A click on a button ({@code action_id}, {@code value}) in a message in {@code channelId}. */
  public HttpResponse<String> clickButton(
      String userId, String actionId, String value, String channelId) {
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
    payload
        .putObject("user")
        .put("id", userId)
        .put("name", userId.toLowerCase(java.util.Locale.ROOT));
    payload.putObject("container").put("type", "message").put("channel_id", channelId);
    payload.putObject("channel").put("id", channelId);
    payload.put("response_url", slack.responseUrl("action-" + UUID.randomUUID()));
    ObjectNode action = payload.putArray("actions").addObject();
    action
        .put("type", "button")
        .put("action_id", actionId)
        .put("block_id", "b")
        .put("value", value)
        .put("action_ts", String.valueOf(wallClock.millis() / 1000.0));
    return interaction(payload);
  }

  /**
   * A click on a button ({@code action_id}, {@code value}) inside an open modal: Slack sends the
   * {@code view} (as opened) with its {@code viewId}, {@code hash} and inputs' state ({@code
   * values}), and a container of type "view".
   */
  public HttpResponse<String> clickInView(
      String userId,
      com.fasterxml.jackson.databind.JsonNode view,
      String viewId,
      String hash,
      String actionId,
      String value,
      FormValues values) {
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
    payload
        .putObject("user")
        .put("id", userId)
        .put("name", userId.toLowerCase(java.util.Locale.ROOT));
    payload.putObject("container").put("type", "view").put("view_id", viewId);
    ObjectNode v = payload.putObject("view");
    v.put("id", viewId).put("hash", hash).put("type", "modal");
    v.put("callback_id", view.path("callback_id").asText());
    v.put("private_metadata", view.path("private_metadata").asText());
    v.putObject("state").set("values", values.toJson());
    payload
        .putArray("actions")
        .addObject()
        .put("type", "button")
        .put("action_id", actionId)
        .put("block_id", "b")
        .put("value", value)
        .put("action_ts", String.valueOf(wallClock.millis() / 1000.0));
    return interaction(payload);
  }

  /**
   * Posts a raw, correctly signed form body (HTTP only).
   *
   * @throws IllegalStateException over Socket Mode
   */
  public HttpResponse<String> post(String body) {
    return httpOnly().post(body);
  }

  /**
   * Posts {@code body} with the given timestamp and signature headers (for tests of rejection; HTTP
   * only).
   *
   * @throws IllegalStateException over Socket Mode
   */
  public HttpResponse<String> postSigned(String body, String timestamp, String signature) {
    return httpOnly().postSigned(body, timestamp, signature);
  }

  private HttpTransport httpOnly() {
    if (http == null) {
      throw new IllegalStateException("raw HTTP bodies cannot be sent over Socket Mode");
    }
    return http;
  }
}
