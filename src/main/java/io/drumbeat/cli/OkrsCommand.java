package io.drumbeat.cli;

import io.drumbeat.DrumbeatException;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.okr.OkrChanges;
import io.drumbeat.okr.OkrImporter;
import io.drumbeat.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drumbeat okrs import FILE}: loads a quarter's objectives and key results; a mid-quarter
 * change to the current quarter waits for a sign-off in Slack (see {@link OkrChanges}).
 */
@Command(
    name = "okrs",
    mixinStandardHelpOptions = true,
    description = "Manage objectives and key results.",
    subcommands = OkrsCommand.Import.class)
public final class OkrsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code okrs import FILE [--dry-run] [--by USER] [--config FILE]}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import a quarter's OKRs from YAML (see okrs.example.yml). Importing again updates"
              + " titles, owners and targets and keeps every check-in. A change to the current"
              + " quarter's key results (a new or removed KR, a changed target, start, unit or"
              + " owner) waits for a sign-off by okr.approvers (default: admins) in Slack.")
  public static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the OKR file")
    Path file;

    @Option(names = "--dry-run", description = "print what the import changes; change nothing")
    boolean dryRun;

    @Option(
        names = "--by",
        paramLabel = "USER",
        description = "your Slack member id (U…): you are told when the change is signed off")
    String by;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "drumbeat.yml (default: $DRUMBEAT_CONFIG or ./drumbeat.yml)")
    Path config;

    @Override
    public Integer call() {
      if (by != null && !by.matches("[UW][A-Z0-9]{2,31}")) {
        throw new DrumbeatException("--by: \"" + by + "\" is not a Slack user id (like U0123ABCD)");
      }
      Environment env = Environment.from(System.getenv()).withConfig(config);
      DrumbeatConfig cfg = new ConfigLoader().load(env.configPath());
      String text;
      try {
        text = Files.readString(file);
      } catch (NoSuchFileException e) {
        throw new DrumbeatException(file + ": no such file");
      } catch (IOException e) {
        throw new DrumbeatException(file + ": cannot read: " + e.getMessage(), e);
      }
      try (Database db = env.openDatabase()) {
        Clock clock = Clock.systemUTC();
        OkrChanges.Outcome o =
            new OkrChanges(db.jdbi(), new Outbox(clock), clock, cfg)
                .importText(text, file.toString(), Optional.ofNullable(by), dryRun);
        print(spec.commandLine().getOut(), o);
        return 0;
      }
    }

    private static void print(PrintWriter out, OkrChanges.Outcome o) {
      switch (o.kind()) {
        case DRY_RUN -> {
          out.println(
              "Dry run: nothing was changed. Changes to the key results of " + o.quarter() + ":");
          out.println(o.diffText());
          out.println(
              o.needsSignOff()
                  ? "Importing it would need a sign-off by "
                      + String.join(", ", o.approvers())
                      + "."
                  : "Importing it would apply at once.");
        }
        case PROPOSED -> {
          out.println(
              o.quarter()
                  + " is the current quarter: this change waits for a sign-off (change #"
                  + o.changeId()
                  + "). Asked in Slack: "
                  + String.join(", ", o.approvers())
                  + ". Titles are updated now; the rest applies when approved.");
          out.println(o.diffText());
        }
        case APPLIED -> report(out, o.report());
      }
    }

    private static void report(PrintWriter out, OkrImporter.Report r) {
      out.println(
          "Imported "
              + r.quarter()
              + ": "
              + r.objectives()
              + " objectives, "
              + r.added()
              + " key results added, "
              + r.updated()
              + " updated.");
      if (!r.kept().isEmpty()) {
        out.println(
            "Kept "
                + r.kept().size()
                + " key results that are not in the file (with their check-ins): "
                + String.join(", ", r.kept()));
      }
    }
  }
}
