package io.drumbeat.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Socket Mode WebSocket (Java-WebSocket's client). It sorts what Slack sends: {@code hello} and
 * {@code disconnect} go to the {@link Supervisor}, envelopes (they carry an {@code envelope_id}) to
 * the {@link EnvelopeRunner}. It counts the envelopes still being handled, so that a connection
 * Slack asked to refresh is closed only once every envelope it brought has been acked on it.
 */
final class Link extends WebSocketClient {
  private static final Logger LOG = LoggerFactory.getLogger(Link.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A connection whose pings go unanswered this long (seconds) is closed as lost. */
  private static final int LOST_AFTER_SECONDS = 30;

  /** What a link tells its owner; called on the link's own thread. */
  interface Events {
    /** Slack greeted the connection: it carries traffic from now on. */
    void hello(Link link);

    /** Slack will close the connection soon ({@code reason}: e.g. "refresh_requested"). */
    void disconnect(Link link, String reason);

    /** An envelope arrived, as the raw JSON text. */
    void envelope(Link link, String message, JsonNode envelope);

    /** The connection closed (or never opened). */
    void closed(Link link, int code, String reason);
  }

  private final int number;
  private final Events events;
  private int inFlight;
  private boolean retiring;
  private volatile boolean greeted;
  private volatile boolean draining;

  /**
   * @param uri the {@code wss://} URL {@code apps.connections.open} gave
   * @param number a number for the log
   * @param events told of hello, disconnect, envelopes and the close
   */
  Link(URI uri, int number, Events events) {
    super(uri);
    this.number = number;
    this.events = events;
    setConnectionLostTimeout(LOST_AFTER_SECONDS);
    setTcpNoDelay(true);
    setDaemon(true);
  }

  /** The number given for the log. */
  int number() {
    return number;
  }

  /** True once Slack said {@code hello} on it. */
  boolean greeted() {
    return greeted;
  }

  /** True once Slack said it will close it (a replacement is being opened). */
  boolean draining() {
    return draining;
  }

  /** Marks it as going away: it no longer counts as one of the connections wanted. */
  void drain() {
    draining = true;
  }

  /**
   * Sends an ack (or any text) on this connection.
   *
   * @return false when the connection is no longer open
   */
  boolean send(String text, String what) {
    try {
      super.send(text);
      return true;
    } catch (WebsocketNotConnectedException e) {
      LOG.debug("Socket Mode connection {} closed before {} could be sent", number, what);
      return false;
    }
  }

  /** An envelope from this connection is being handled. */
  synchronized void began() {
    inFlight++;
  }

  /** An envelope from this connection has been acked (or given up); may close a retiring link. */
  synchronized void finished() {
    inFlight--;
    if (retiring && inFlight == 0) {
      close(CloseFrame.NORMAL, "replaced");
    }
  }

  /** Closes the connection once the envelopes it brought have been acked. */
  synchronized void retire() {
    retiring = true;
    if (inFlight == 0) {
      close(CloseFrame.NORMAL, "replaced");
    }
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    LOG.debug("Socket Mode connection {} is open; waiting for hello", number);
  }

  @Override
  public void onMessage(String message) {
    JsonNode json;
    try {
      json = JSON.readTree(message);
    } catch (IOException e) {
      LOG.warn("Ignored a Socket Mode message that is not JSON on connection {}", number);
      return;
    }
    String type = json.path("type").asText("");
    if (type.equals("hello")) {
      greeted = true;
      events.hello(this);
    } else if (type.equals("disconnect")) {
      events.disconnect(this, json.path("reason").asText("unknown"));
    } else if (json.hasNonNull("envelope_id")) {
      events.envelope(this, message, json);
    } else {
      LOG.debug("Ignored a Socket Mode message of type {} on connection {}", type, number);
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    events.closed(this, code, reason);
  }

  @Override
  public void onError(Exception e) {
    LOG.warn("Socket Mode connection {}: {}", number, String.valueOf(e.getMessage()));
  }
}
