package io.drumbeat.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

/**
 * The Socket Mode side of a {@link SlackDouble} ({@link SlackDouble#socketMode()}): a WebSocket
 * server on 127.0.0.1 ({@link SlackDoubleSocketServer}, started when {@code apps.connections.open}
 * first hands out a URL of it). Like Slack, it greets each connection with {@code hello}, sends
 * envelopes ({@code slash_commands}, {@code interactive}, {@code events_api}) on one open
 * connection at a time (round robin, skipping connections it has warned with {@code disconnect}),
 * and records every ack by its {@code envelope_id}. Tests can warn a connection ({@link
 * #warnDisconnect}) or drop it without a close frame ({@link #drop}). Connections are numbered from
 * 1 in the order they opened. Thread-safe.
 */
public final class SlackDoubleSocket implements AutoCloseable {
  private final Map<Integer, WebSocket> open = new LinkedHashMap<>();
  private final Set<Integer> warned = new HashSet<>();
  private final Map<String, JsonNode> acks = new LinkedHashMap<>();
  private final AtomicInteger tickets = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private SlackDoubleSocketServer server;
  private int next;

  SlackDoubleSocket() {}

  /** A fresh WebSocket URL, as {@code apps.connections.open} answers it. */
  synchronized String url() {
    if (server == null) {
      server = SlackDoubleSocketServer.start(this);
    }
    return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + tickets.incrementAndGet();
  }

  /** The numbers of the connections open now, oldest first. */
  public synchronized List<Integer> connections() {
    return List.copyOf(open.keySet());
  }

  /** How many connections were ever opened. */
  public int opened() {
    return connections.get();
  }

  /**
   * Waits until {@code count} connections that were not warned are open.
   *
   * @param timeout the longest wait, in real time
   * @return false when {@code timeout} passed first
   */
  public boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
    return await(() -> open.size() - warned.size() >= count, timeout);
  }

  /** Waits until {@code count} connections were ever opened; false when {@code timeout} passed. */
  public boolean awaitOpened(int count, Duration timeout) throws InterruptedException {
    return await(() -> connections.get() >= count, timeout);
  }

  /** Waits until connection {@code number} is closed; false when {@code timeout} passed. */
  public boolean awaitClosed(int number, Duration timeout) throws InterruptedException {
    return await(() -> !open.containsKey(number), timeout);
  }

  private synchronized boolean await(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * Sends an envelope on the next open connection that was not warned (round robin).
   *
   * @param type {@code slash_commands}, {@code interactive} or {@code events_api}
   * @param payload what Slack would have POSTed over HTTP, as JSON
   * @param retryAttempt for {@code events_api}: 0 for a first delivery (as Slack sends it)
   * @return the envelope's id
   * @throws IllegalStateException when no connection is open
   */
  public String send(String type, JsonNode payload, boolean acceptsResponse, int retryAttempt) {
    WebSocket connection;
    synchronized (this) {
      List<Integer> usable = new ArrayList<>(open.keySet());
      usable.removeAll(warned);
      if (usable.isEmpty()) {
        throw new IllegalStateException("no Socket Mode connection is open");
      }
      connection = open.get(usable.get(next++ % usable.size()));
    }
    return sendOn(connection, type, payload, acceptsResponse, retryAttempt);
  }

  /** Like {@link #send} on connection {@code number}, even a warned one. */
  public String sendOn(
      int number, String type, JsonNode payload, boolean acceptsResponse, int retryAttempt) {
    WebSocket connection;
    synchronized (this) {
      connection = open.get(number);
    }
    if (connection == null) {
      throw new IllegalStateException("Socket Mode connection " + number + " is not open");
    }
    return sendOn(connection, type, payload, acceptsResponse, retryAttempt);
  }

  private String sendOn(
      WebSocket connection, String type, JsonNode payload, boolean accepts, int retryAttempt) {
    String id = UUID.randomUUID().toString();
    ObjectNode envelope = SlackDoubleResponses.MAPPER.createObjectNode();
    envelope.put("envelope_id", id).put("type", type).set("payload", payload);
    envelope.put("accepts_response_payload", accepts);
    if (type.equals("events_api")) {
      envelope
          .put("retry_attempt", retryAttempt)
          .put("retry_reason", retryAttempt > 0 ? "timeout" : "");
    }
    connection.send(envelope.toString());
    return id;
  }

  /**
   * Waits for the ack of envelope {@code id}: {@code {"envelope_id":…}} and, when Drumbeat answered
   * something, {@code "payload"}.
   *
   * @param timeout the longest wait, in real time
   * @return the ack, or empty when none came in time
   */
  public synchronized Optional<JsonNode> awaitAck(String id, Duration timeout)
      throws InterruptedException {
    return await(() -> acks.containsKey(id), timeout)
        ? Optional.of(acks.get(id))
        : Optional.empty();
  }

  /** Every ack received, in arrival order. */
  public synchronized List<JsonNode> acks() {
    return List.copyOf(acks.values());
  }

  /**
   * Sends {@code disconnect} (reason {@code refresh_requested}) on connection {@code number}, as
   * Slack does about 10 s before it closes a connection; no new envelope is sent on it.
   */
  public void warnDisconnect(int number) {
    WebSocket connection;
    synchronized (this) {
      connection = open.get(number);
      warned.add(number);
    }
    connection.send(
        "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
            + "\"debug_info\":{\"host\":\"applink-double\"}}");
  }

  /** Drops connection {@code number} without a close frame, as a lost network would. */
  public void drop(int number) {
    WebSocket connection;
    synchronized (this) {
      connection = open.get(number);
    }
    if (connection != null) {
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the double");
    }
  }

  /** Drops every open connection. */
  public void dropAll() {
    connections().forEach(this::drop);
  }

  /** Stops the server, if it was started. */
  @Override
  public void close() {
    SlackDoubleSocketServer started;
    synchronized (this) {
      started = server;
    }
    try {
      if (started != null) {
        started.stop(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A connection opened: it is numbered and greeted with {@code hello}. */
  synchronized void opened(WebSocket connection) {
    int number = connections.incrementAndGet();
    connection.setAttachment(number);
    open.put(number, connection);
    connection.send(
        "{\"type\":\"hello\",\"num_connections\":"
            + open.size()
            + ",\"debug_info\":{\"host\":\"applink-double\"},"
            + "\"connection_info\":{\"app_id\":\"A0DEMO\"}}");
    notifyAll();
  }

  /** A connection closed. */
  synchronized void closed(WebSocket connection) {
    Integer number = connection.getAttachment();
    if (number != null) {
      open.remove(number);
      warned.remove(number);
      notifyAll();
    }
  }

  /** Text from Drumbeat: an ack is recorded by its {@code envelope_id}. */
  synchronized void received(String message) {
    try {
      JsonNode ack = SlackDoubleResponses.MAPPER.readTree(message);
      if (ack.hasNonNull("envelope_id")) {
        acks.put(ack.get("envelope_id").asText(), ack);
        notifyAll();
      }
    } catch (IOException e) {
      // not an ack: Slack ignores it too
    }
  }
}
