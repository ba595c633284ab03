package io.drumbeat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import io.drumbeat.DrumbeatException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * Jetty 12 (ee10) serving {@code POST /slack/events} (slash commands, interactivity and events on
 * one URL, through Bolt's {@link SlackAppServlet}, which verifies every request's signature) and
 * {@code GET /healthz} (200 {@code {"status":"ok"}} when the database answers, else 503).
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
   * @param host interface to bind, e.g. "0.0.0.0" or "127.0.0.1"
   * @param port TCP port; 0 picks a free one
   * @param app the Bolt app with every listener registered
   * @param healthy whether the database answers
   */
  public HttpServer(String host, int port, App app, BooleanSupplier healthy) {
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
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), EVENTS_PATH);
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
