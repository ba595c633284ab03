package io.drumbeat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import io.drumbeat.DrumbeatException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 (ee10) serving {@code POST /slack/events} (slash commands, interactivity and events on
 * one URL, through {@link SlackEventsServlet}: signature verified on the raw bytes, then Bolt) and
 * {@code GET /healthz} (200 {@code {"status":"ok"}}, or 503 {@code
 * {"status":"unavailable","reason":"database"}} with the {@link HealthCheck}'s reason and, when it
 * has one, a {@code "detail"}). Without a signing secret (Socket Mode only) there is no {@code POST
 * /slack/events}: it answers 404 to every method, as no request to it could be verified.
 *
 * <p>Every request body is capped at {@link #MAX_BODY_BYTES} by Jetty's {@link SizeLimitHandler},
 * in front of everything else: a larger {@code Content-Length} is answered 413 before any byte of
 * the body is read, and a chunked body is failed with 413 as soon as more than the limit has
 * arrived, so no request can make the server hold more than that.
 *
 * <p>Load is bounded too: at most {@link #MAX_THREADS} Jetty threads and {@link #MAX_CONNECTIONS}
 * open connections, and at most a configured number of Slack requests handled at once (the rest
 * answered "busy" at once). On {@link #close()} (SIGTERM) the server stops taking requests and lets
 * those in flight finish for up to {@link #STOP_TIMEOUT} ({@link GracefulHandler}).
 */
public final class HttpServer implements AutoCloseable {
  /** Path of the Slack request URL. */
  public static final String EVENTS_PATH = "/slack/events";

  /** The largest body accepted: Slack's payloads are a few KiB; 64 KiB is generous. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** Slack requests handled at once by default; more are answered "busy" at once. */
  public static final int DEFAULT_CONCURRENT = 200;

  /** Jetty's threads at most. */
  static final int MAX_THREADS = 256;

  /** Open connections at most; Jetty stops accepting more until some close. */
  static final int MAX_CONNECTIONS = 1000;

  /** How long {@link #close()} lets requests in flight finish, refusing new ones meanwhile. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Server server;
  private final ServerConnector connector;

  /**
   * A server on {@code host:port}.
   *
   * @param host interface to bind, e.g. "0.0.0.0" or "127.0.0.1"
   * @param port TCP port; 0 picks a free one
   * @param app the Bolt app with every listener registered; its signing secret verifies requests
   *     (none: {@code /slack/events} is not served)
   * @param health what {@code /healthz} reports; must answer quickly
   * @param clock what request timestamps are checked against and refusals are logged by (real time)
   * @param concurrent Slack requests handled at once (more are answered "busy", see {@link
   *     RequestGate})
   */
  public HttpServer(
      String host, int port, App app, HealthCheck health, Clock clock, int concurrent) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName("drumbeat-http");
    server = new Server(threads);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    connector
        .getConnectionFactory(HttpConnectionFactory.class)
        .getHttpConfiguration()
        .setSendServerVersion(false);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    String secret = app.config().getSigningSecret();
    if (secret != null && !secret.isBlank()) {
      SlackEventsServlet events =
          new SlackEventsServlet(
              app,
              new SignatureVerifier(secret, clock),
              new RefusalLog(clock, Duration.ofMinutes(1)),
              new RequestGate(concurrent));
      context.addServlet(new ServletHolder(events), EVENTS_PATH);
    } else {
      context.addServlet(new ServletHolder(new NotServed()), EVENTS_PATH);
    }
    context.addServlet(new ServletHolder(new HealthServlet(health)), "/healthz");
    SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
    sizeLimit.setHandler(context);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(sizeLimit);
    server.setHandler(graceful);
  }

  /**
   * Starts listening.
   *
   * @throws DrumbeatException when the port cannot be bound
   */
  public void start() {
    try {
      server.start();
    } catch (Exception e) {
      throw new DrumbeatException(
          "Cannot listen on port " + connector.getPort() + ": " + e.getMessage(), e);
    }
  }

  /** The bound port (useful after binding port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new DrumbeatException("Cannot stop the HTTP server", e);
    }
  }

  /** {@code /slack/events} without a signing secret: 404, whatever the method. */
  private static final class NotServed extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setStatus(404);
      resp.setContentType("application/json");
      resp.getWriter()
          .write("{\"error\":\"not served: Drumbeat takes Slack's requests over Socket Mode\"}");
    }
  }

  private static final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final transient HealthCheck health;

    HealthServlet(HealthCheck health) {
      this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Optional<HealthCheck.Problem> problem = health.problem();
      ObjectNode body = JSON.createObjectNode();
      if (problem.isEmpty()) {
        body.put("status", "ok");
      } else {
        body.put("status", "unavailable").put("reason", problem.get().reason());
        if (problem.get().detail() != null) {
          body.put("detail", problem.get().detail());
        }
      }
      resp.setStatus(problem.isEmpty() ? 200 : 503);
      resp.setContentType("application/json");
      resp.getWriter().write(body.toString());
    }
  }
}
