package io.drumbeat.cli;

import io.drumbeat.Drumbeat;
import io.drumbeat.Wiring;
import io.drumbeat.WiringBuilder;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.socket.SocketModeSettings;
import io.drumbeat.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drumbeat serve}: runs the bot until stopped: the scheduled jobs, {@code GET /healthz}, and
 * Slack's requests over Socket Mode when {@code SLACK_APP_TOKEN} is set, over {@code POST
 * /slack/events} when {@code SLACK_SIGNING_SECRET} is (both when both are).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Take Slack's requests over Socket Mode ($SLACK_APP_TOKEN) or POST /slack/events"
            + " ($SLACK_SIGNING_SECRET), serve GET /healthz on $PORT (default 3000) and run the"
            + " scheduled jobs.")
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "drumbeat.yml to use (default: $DRUMBEAT_CONFIG or ./drumbeat.yml)")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    Environment env = Environment.from(System.getenv()).withConfig(config).requireSlack();
    DrumbeatConfig cfg = new ConfigLoader().load(env.configPath());
    Database db = env.openDatabase();
    Drumbeat drumbeat;
    try {
      WiringBuilder wiring =
          Wiring.builder(cfg, db, env.apiUrl(), env.botToken(), env.signingSecret())
              .configSource(env.configPath().toString())
              .host("0.0.0.0")
              .port(env.port())
              .postsPerMinute(env.postsPerMinute())
              .smtpUrl(System.getenv("SMTP_URL"));
      if (env.socketMode()) {
        wiring.socketMode(SocketModeSettings.of(env.appToken()));
      }
      drumbeat = new Drumbeat(wiring.build()).start();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping Drumbeat");
                  drumbeat.close();
                  db.close();
                },
                "drumbeat-shutdown"));
    if (env.socketMode()) {
      LOG.info(
          "Drumbeat takes Slack's requests over Socket Mode{}; GET /healthz on port {}",
          env.signingSecret() == null ? "" : " and POST /slack/events",
          drumbeat.port());
    } else {
      LOG.info(
          "Drumbeat is listening on port {}: POST /slack/events, GET /healthz", drumbeat.port());
    }
    drumbeat.join();
    return 0;
  }
}
