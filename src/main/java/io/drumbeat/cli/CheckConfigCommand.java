package io.drumbeat.cli;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.SlackGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drumbeat check-config}: validates {@code drumbeat.yml} without serving. With {@code
 * SLACK_BOT_TOKEN} set it also checks that every channel exists in Slack.
 */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description =
        "Validate drumbeat.yml (and, when SLACK_BOT_TOKEN is set, its channels) without serving.")
public final class CheckConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "drumbeat.yml to check (default: $DRUMBEAT_CONFIG or ./drumbeat.yml)")
  Path config;

  @Override
  public Integer call() {
    Environment env = Environment.from(System.getenv()).withConfig(config);
    DrumbeatConfig cfg = new ConfigLoader().load(env.configPath());
    var out = spec.commandLine().getOut();
    if (env.botToken() != null) {
      SlackConfig slackConfig = new SlackConfig();
      slackConfig.setMethodsEndpointUrlPrefix(env.apiUrl());
      ChannelDirectory.resolve(
          new SlackGateway(
              Slack.getInstance(slackConfig),
              Slack.getInstance(slackConfig),
              env.botToken(),
              Duration.ofSeconds(1),
              2),
          cfg.channels(),
          env.configPath().toString());
      out.println(env.configPath() + ": channels found in Slack");
    } else {
      out.println(
          env.configPath() + ": channels not checked against Slack (SLACK_BOT_TOKEN is not set)");
    }
    out.println(
        env.configPath()
            + ": OK (teams: "
            + cfg.teams().size()
            + ", admins: "
            + cfg.admins().size()
            + ", time zone: "
            + cfg.timezone()
            + ")");
    return 0;
  }
}
