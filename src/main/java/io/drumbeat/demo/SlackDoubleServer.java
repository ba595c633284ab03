package io.drumbeat.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server of a {@link SlackDouble}: a JDK server on 127.0.0.1 (ephemeral port) whose 8
 * daemon threads turn each request to {@code /api/<method>} or {@code /respond/<id>} into a {@link
 * Reply} from a {@link Responder}, and each POST to {@code /upload/<file_id>} into one from an
 * {@link Uploader}. A reply with a delay is sent later by a separate scheduler thread, so delayed
 * answers hold no serving thread. Other paths answer 404 {@code unknown_method}; an unreadable
 * request answers 400 {@code invalid_arguments}.
 */
final class SlackDoubleServer implements AutoCloseable {

  /** An HTTP answer, sent {@code delay} (real time) after the request was read. */
  record Reply(int status, Map<String, String> headers, String body, Duration delay) {}

  /** Answers one readable request; {@code responseUrlId} is null for Web API methods. */
  interface Responder {
    Reply respond(String method, String responseUrlId, Map<String, String> params);
  }

  /**
   * Answers one POST of file bytes to an upload URL.
   *
   * @param contentType the request's {@code Content-Type}, or null
   * @param body the raw request body
   */
  interface Uploader {
    Reply upload(String fileId, String contentType, byte[] body);
  }

  private static final int THREADS = 8;

  /** Path prefix of upload URLs: {@code /upload/<file_id>}. */
  static final String UPLOAD = "/upload/";

  private final HttpServer server;
  private final ExecutorService serving;
  private final ScheduledExecutorService delayed;
  private final Responder responder;
  private final Uploader uploader;

  private SlackDoubleServer(
      HttpServer server,
      ExecutorService serving,
      ScheduledExecutorService delayed,
      Responder responder,
      Uploader uploader) {
    this.server = server;
    this.serving = serving;
    this.delayed = delayed;
    this.responder = responder;
    this.uploader = uploader;
  }

  /**
   * Binds and starts a server.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  static SlackDoubleServer start(Responder responder, Uploader uploader) {
    // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's
    // algorithm and the client's delayed ACK add about 40 ms to every call. Read once per JVM, when
    // its first com.sun.net.httpserver server starts (in Drumbeat, only this double uses one).
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the Slack double", e);
    }
    String name = "slack-double-" + server.getAddress().getPort() + "-";
    ExecutorService serving = Executors.newFixedThreadPool(THREADS, daemon(name));
    ScheduledExecutorService delayed =
        Executors.newSingleThreadScheduledExecutor(daemon(name + "delayed-"));
    SlackDoubleServer started =
        new SlackDoubleServer(server, serving, delayed, responder, uploader);
    server.createContext("/", started::handle);
    server.setExecutor(serving);
    server.start();
    return started;
  }

  /** The bound TCP port. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Stops at once: open exchanges, delayed ones included, are dropped. */
  @Override
  public void close() {
    server.stop(0);
    serving.shutdownNow();
    delayed.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean later = false;
    try {
      Reply reply = reply(exchange);
      later = !reply.delay().isZero() && !reply.delay().isNegative();
      if (later) {
        sendLater(exchange, reply);
      } else {
        SlackDoubleHttp.send(exchange, reply.status(), reply.headers(), reply.body());
      }
    } catch (IOException | RuntimeException e) {
      ObjectNode body = SlackDoubleResponses.error("invalid_arguments").put("detail", e.toString());
      SlackDoubleHttp.send(exchange, 400, Map.of(), body.toString());
    } finally {
      if (!later) {
        exchange.close();
      }
    }
  }

  private Reply reply(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.startsWith("/api/") && path.length() > "/api/".length()) {
      String method = path.substring("/api/".length());
      return responder.respond(method, null, SlackDoubleHttp.params(exchange));
    }
    if (path.startsWith("/respond/") && "POST".equals(exchange.getRequestMethod())) {
      String id = path.substring("/respond/".length());
      return responder.respond(SlackDouble.RESPONSE_URL, id, SlackDoubleHttp.params(exchange));
    }
    if (path.startsWith(UPLOAD) && "POST".equals(exchange.getRequestMethod())) {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      try (var in = exchange.getRequestBody()) {
        return uploader.upload(path.substring(UPLOAD.length()), contentType, in.readAllBytes());
      }
    }
    String body = SlackDoubleResponses.error("unknown_method").toString();
    return new Reply(404, Map.of(), body, Duration.ZERO);
  }

  private void sendLater(HttpExchange exchange, Reply reply) {
    try {
      delayed.schedule(
          () -> sendAndClose(exchange, reply), reply.delay().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      exchange.close(); // closing: the answer is dropped like any open exchange
    }
  }

  private static void sendAndClose(HttpExchange exchange, Reply reply) {
    try {
      SlackDoubleHttp.send(exchange, reply.status(), reply.headers(), reply.body());
    } catch (IOException e) {
      // the client stopped waiting (e.g. its read timeout fired): there is no one to answer
    } finally {
      exchange.close();
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
