package io.drumbeat.cli;

import io.drumbeat.Drumbeat;
import io.drumbeat.Wiring;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drumbeat serve}: runs the bot (HTTP endpoint and jobs) until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve POST /slack/events and GET /healthz on $PORT (default 3000) and run the scheduled jobs.")
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
    Database db = Database.open(env.db().url(), env.db().user(), env.db().password());
    Drumbeat drumbeat;
    try {
      drumbeat =
          new Drumbeat(
                  Wiring.builder(cfg, db, env.apiUrl(), env.botToken(), env.signingSecret())
                      .configSource(env.configPath().toString())
                      .host("0.0.0.0")
                      .port(env.port())
                      .build())
              .start();
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
    LOG.info("Drumbeat is listening on port {}: POST /slack/events, GET /healthz", drumbeat.port());
    drumbeat.join();
    return 0;
  }
}
