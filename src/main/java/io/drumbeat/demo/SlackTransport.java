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
}
