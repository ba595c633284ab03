package io.drumbeat.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket server (Java-WebSocket, 2 decoder threads, daemon) of a {@link SlackDoubleSocket}
 * on an ephemeral port of 127.0.0.1; it hands each connection's open, text and close to it.
 */
final class SlackDoubleSocketServer extends WebSocketServer {
  private final SlackDoubleSocket listener;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile boolean failed;

  private SlackDoubleSocketServer(SlackDoubleSocket listener) {
    super(new InetSocketAddress("127.0.0.1", 0), 2);
    this.listener = listener;
    setDaemon(true);
    setReuseAddr(true);
  }

  /**
   * Binds and starts a server.
   *
   * @throws UncheckedIOException when it has not started within 10 s
   */
  static SlackDoubleSocketServer start(SlackDoubleSocket listener) {
    SlackDoubleSocketServer server = new SlackDoubleSocketServer(listener);
    server.start();
    try {
      if (!server.started.await(10, TimeUnit.SECONDS) || server.failed) {
        throw new UncheckedIOException(new IOException("the Socket Mode double did not start"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return server;
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    listener.opened(connection);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    listener.closed(connection);
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    listener.received(message);
  }

  @Override
  public void onError(WebSocket connection, Exception e) {
    if (connection == null) {
      failed = true; // the server itself failed: start() reports it
      started.countDown();
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }
}
