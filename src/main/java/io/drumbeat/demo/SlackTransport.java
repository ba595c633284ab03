package io.drumbeat.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * How {@link SignedRequests} reaches Drumbeat: signed HTTP POSTs to {@code /slack/events} ({@link
 * HttpTransport}) or Socket Mode envelopes through the double's WebSocket ({@link
 * SocketTransport}). Either way the answer reads as an HTTP response: over Socket Mode, status 200
 * and the ack's payload as the body.
 */
interface SlackTransport {
  /** A slash command, given as the form fields Slack sends. */
  HttpResponse<String> command(Map<String, String> form);

  /** An interactivity payload ({@code block_actions}, {@code view_submission}, …). */
  HttpResponse<String> interaction(ObjectNode payload);

  /**
   * An Events API {@code event_callback}.
   *
   * @param retryNum 0 for a first delivery, else which retry this is
   */
  HttpResponse<String> event(ObjectNode callback, int retryNum);

  /**
   * The {@code event_callback} Slack wraps {@code event} in, for the double's workspace.
   *
   * @param eventTime seconds since the epoch
   */
  static ObjectNode callback(ObjectNode event, String eventId, long eventTime) {
    ObjectNode callback = SlackDoubleResponses.MAPPER.createObjectNode();
    callback.put("token", "deprecated-verification-token");
    callback.put("team_id", "T0DEMO").put("api_app_id", "A0DEMO");
    callback.set("event", event);
    callback.put("type", "event_callback").put("event_id", eventId);
    callback.put("event_time", eventTime);
    callback
        .putArray("authorizations")
        .addObject()
        .put("team_id", "T0DEMO")
        .put("user_id", "U0BOT")
        .put("is_bot", true);
    return callback;
  }
}
