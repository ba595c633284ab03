package io.drumbeat.slack;

import com.slack.api.bolt.App;
import io.drumbeat.DrumbeatException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
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
 * {@code GET /healthz} (200 {@code {"status":"ok"}} when the database answers, else 503 {@code
 * {"status":"unavailable","reason":"database"}}).
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
   * A server that checks Slack's request timestamps against the system clock (they are real time).
   *
   * @param host interface to bind, e.g. "0.0.0.0" or "127.0.0.1"
   * @param port TCP port; 0 picks a free one
   * @param app the Bolt app with every listener registered; its signing secret verifies requests
   * @param healthy whether the database answers; must return quickly (see {@code
   *     Database#isHealthy})
   */
  public HttpServer(String host, int port, App app, BooleanSupplier healthy) {
    this(host, port, app, healthy, Clock.systemUTC(), DEFAULT_CONCURRENT);
  }

  /**
   * Like {@link #HttpServer(String, int, App, BooleanSupplier)} with the clock that request
   * timestamps are checked against and refusals are logged by, and the number of Slack requests
   * handled at once (more are answered "busy" at once, see {@link RequestGate}).
   */
  public HttpServer(
      String host, int port, App app, BooleanSupplier healthy, Clock clock, int concurrent) {
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
    SlackEventsServlet events =
        new SlackEventsServlet(
            app,
            new SignatureVerifier(app.config().getSigningSecret(), clock),
            new RefusalLog(clock, Duration.ofMinutes(1)),
            new RequestGate(concurrent));
    context.addServlet(new ServletHolder(events), EVENTS_PATH);
    context.addServlet(new ServletHolder(new HealthServlet(healthy)), "/healthz");
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

  private static final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient BooleanSupplier healthy;

    HealthServlet(BooleanSupplier healthy) {
      this.healthy = healthy;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      boolean ok = healthy.getAsBoolean();
      resp.setStatus(ok ? 200 : 503);
      resp.setContentType("application/json");
      resp.getWriter()
          .write(
              ok ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\",\"reason\":\"database\"}");
    }
  }
}
