package io.drumbeat.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Socket Mode envelope through the same Bolt {@link App} (and so the same listeners) as
 * {@code POST /slack/events}, and acks it with its {@code envelope_id}: {@code {"envelope_id":…}},
 * plus {@code "payload"} when the listener answered something (a slash command's ephemeral text, a
 * modal's {@code response_action}). Bolt's {@code SocketModeRequestParser} turns the envelope into
 * the request Bolt would have parsed from HTTP (retries become {@code X-Slack-Retry-Num}).
 *
 * <p>The ack goes back on the connection the envelope came on, or on another open one if that one
 * closed meanwhile. An Events API envelope whose listener failed is not acked, so Slack delivers it
 * again (events are handled once by their {@code event_id}); every other envelope is acked. At most
 * a given number run at once; one more is answered "busy" (a slash command) or left for Slack to
 * retry.
 */
final class EnvelopeRunner {
  private static final Logger LOG = LoggerFactory.getLogger(EnvelopeRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a person sees when Drumbeat is saturated (the same as over HTTP). */
  static final String BUSY =
      ":hourglass: Drumbeat is busy right now, so nothing was done. Please try again in a minute.";

  private final App app;
  private final SocketModeRequestParser parser;
  private final ThreadPoolExecutor executor;
  private final Supplier<List<Link>> links;

  /**
   * @param app the Bolt app with every listener registered
   * @param concurrency envelopes handled at once
   * @param links the open connections, for an ack whose own connection closed
   */
  EnvelopeRunner(App app, int concurrency, Supplier<List<Link>> links) {
    this.app = app;
    this.parser = new SocketModeRequestParser(app.config());
    this.links = links;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            0,
            concurrency,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "drumbeat-socket-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Handles one envelope from {@code link} on a worker thread; returns at once. */
  void submit(Link link, String message, JsonNode envelope) {
    String id = envelope.path("envelope_id").asText();
    String type = envelope.path("type").asText("");
    link.began();
    try {
      executor.execute(
          () -> {
            try {
              String ack = handle(message, id, type);
              if (ack != null) {
                deliver(link, ack, id);
              }
            } finally {
              link.finished();
            }
          });
    } catch (RejectedExecutionException e) {
      try {
        LOG.warn("Busy: a Socket Mode {} envelope came over the limit of envelopes at once", type);
        if (type.equals("slash_commands")) {
          deliver(link, ack(id, JSON.createObjectNode().put("text", BUSY)), id);
        }
      } finally {
        link.finished();
      }
    }
  }

  /** The ack to send, or null to leave the envelope for Slack to deliver again. */
  private String handle(String message, String id, String type) {
    SocketModeRequest request;
    try {
      request = parser.parse(message);
    } catch (RuntimeException e) {
      LOG.warn("Acked a Socket Mode envelope Bolt cannot parse ({})", e.getClass().getSimpleName());
      return ack(id, null);
    }
    if (request == null || request.getBoltRequest() == null) {
      return ack(id, null); // a kind Bolt does not know (Bolt logged it)
    }
    boolean event = type.equals("events_api");
    Response response;
    try {
      response = app.run(request.getBoltRequest());
    } catch (Exception e) {
      LOG.error("Failed to handle a Socket Mode {} envelope: {}", type, e.getMessage(), e);
      return event ? null : ack(id, null);
    }
    int status = response.getStatusCode();
    if (status == 200) {
      return ack(id, payload(response));
    }
    if (event && status != 404) {
      LOG.warn("Left a Socket Mode event unacked for Slack to deliver again (status {})", status);
      return null;
    }
    return ack(id, null); // no listener for it: delivering it again would change nothing
  }

  /** The ack's payload: the listener's JSON answer, or its text as {@code {"text":…}}. */
  private static JsonNode payload(Response response) {
    String body = response.getBody();
    if (body == null || body.isEmpty()) {
      return null;
    }
    String type = response.getContentType();
    if (type != null && type.startsWith("application/json")) {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        LOG.warn("A listener answered JSON that cannot be read; sent it as text");
      }
    }
    return JSON.createObjectNode().put("text", body);
  }

  private static String ack(String id, JsonNode payload) {
    ObjectNode ack = JSON.createObjectNode().put("envelope_id", id);
    if (payload != null) {
      ack.set("payload", payload);
    }
    return ack.toString();
  }

  private void deliver(Link link, String ack, String id) {
    if (link.send(ack, "the ack of " + id)) {
      return;
    }
    for (Link other : links.get()) {
      if (other != link && other.send(ack, "the ack of " + id)) {
        return;
      }
    }
    LOG.warn("Could not ack Socket Mode envelope {}: no connection is open", id);
  }

  /** Stops taking envelopes and waits up to {@code timeout} for those being handled to be acked. */
  void close(Duration timeout) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Stopped with Socket Mode envelopes still being handled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
