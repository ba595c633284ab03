package io.drumbeat.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The baseline of {@link OkrBurst}: a minimal Bolt app whose {@code /okr-update} listener only
 * calls {@code views.open} with a small modal and acks (with Slack's error as the ack text when the
 * modal did not open), served by Bolt's {@link SlackAppServlet} on Jetty 12 (ee10) the way
 * Drumbeat's first version served itself: default thread pool, a 64 KiB body cap, no database.
 */
final class BareBoltApp implements AutoCloseable {
  private static final View MODAL =
      View.builder()
          .type("modal")
          .callbackId("okr_checkin")
          .title(Views.viewTitle(t -> t.type("plain_text").text("OKR check-in")))
          .close(Views.viewClose(t -> t.type("plain_text").text("Cancel")))
          .blocks(java.util.List.of())
          .build();

  private final Server server;
  private final ServerConnector connector;

  private BareBoltApp(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts it on 127.0.0.1 at a free port.
   *
   * @param apiUrl the Slack Web API base URL (the double's)
   * @param signingSecret the secret requests are signed with
   * @throws Exception when Jetty cannot start
   */
  static BareBoltApp start(String apiUrl, String signingSecret) throws Exception {
    SlackConfig slack = new SlackConfig();
    slack.setMethodsEndpointUrlPrefix(apiUrl);
    App app =
        new App(
            AppConfig.builder()
                .signingSecret(signingSecret)
                .singleTeamBotToken("xoxb-bare")
                .slack(Slack.getInstance(slack))
                .build());
    app.command(
        "/okr-update",
        (req, ctx) -> {
          var opened =
              ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(MODAL));
          return opened.isOk() ? ctx.ack() : ctx.ack(":warning: " + opened.getError());
        });
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector
        .getConnectionFactory(HttpConnectionFactory.class)
        .getHttpConfiguration()
        .setSendServerVersion(false);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
    SizeLimitHandler sizeLimit = new SizeLimitHandler(64 * 1024, -1);
    sizeLimit.setHandler(context);
    server.setHandler(sizeLimit);
    server.start();
    return new BareBoltApp(server, connector);
  }

  /** The URL Slack would post to. */
  String eventsUrl() {
    return "http://127.0.0.1:" + connector.getLocalPort() + "/slack/events";
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
