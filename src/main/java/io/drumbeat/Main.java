package io.drumbeat;

import io.drumbeat.cli.CheckConfigCommand;
import io.drumbeat.cli.DemoCommand;
import io.drumbeat.cli.Environment;
import io.drumbeat.cli.OkrsCommand;
import io.drumbeat.cli.ServeCommand;
import io.drumbeat.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code drumbeat} command line: {@code serve}, {@code check-config}, {@code okrs import},
 * {@code export updates}, {@code export retro} and {@code demo}. A {@link DrumbeatException} ends
 * the program with its message on one line (exit 2 for a missing setting or a config error, 1
 * otherwise); never a stack trace.
 */
@Command(
    name = "drumbeat",
    mixinStandardHelpOptions = true,
    version = "drumbeat 0.1.0",
    description =
        "Self-hosted Slack bot for daily updates, weekly OKR check-ins and retrospectives.",
    subcommands = {
      ServeCommand.class,
      CheckConfigCommand.class,
      OkrsCommand.class,
      io.drumbeat.cli.ExportCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point; exits with the command's code. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("demo")) {
      // The demo runs request-driven and clock-driven work on two manual schedulers over one
      // table; each would warn once about the other's tasks, which is expected there.
      System.setProperty(
          "org.slf4j.simpleLogger.log.com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepository",
          "error");
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("drumbeat: " + e.getMessage());
              return e instanceof Environment.MissingSettingException
                      || e instanceof ConfigException
                  ? 2
                  : 1;
            })
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
