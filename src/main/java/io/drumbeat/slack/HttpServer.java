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
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

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
 */
public final class HttpServer implements AutoCloseable {
  /** Path of the Slack request URL. */
  public static final String EVENTS_PATH = "/slack/events";

  /** The largest body accepted: Slack's payloads are a few KiB; 64 KiB is generous. */
  static final int MAX_BODY_BYTES = 64 * 1024;

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
    this(host, port, app, healthy, Clock.systemUTC());
  }

  /**
   * Like {@link #HttpServer(String, int, App, BooleanSupplier)} with the clock that request
   * timestamps are checked against and refusals are logged by.
   */
  public HttpServer(String host, int port, App app, BooleanSupplier healthy, Clock clock) {
    server = new Server();
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
            new RefusalLog(clock, Duration.ofMinutes(1)));
    context.addServlet(new ServletHolder(events), EVENTS_PATH);
    context.addServlet(new ServletHolder(new HealthServlet(healthy)), "/healthz");
    SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
    sizeLimit.setHandler(context);
    server.setHandler(sizeLimit);
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
