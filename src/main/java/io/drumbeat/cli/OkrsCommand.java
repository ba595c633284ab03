package io.drumbeat.cli;

import io.drumbeat.okr.OkrImporter;
import io.drumbeat.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drumbeat okrs import FILE}: loads a quarter's objectives and key results. */
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

  /** {@code okrs import FILE}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import a quarter's OKRs from YAML (see okrs.example.yml). Importing again updates"
              + " titles, owners and targets and keeps every check-in.")
  public static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the OKR file")
    Path file;

    @Override
    public Integer call() {
      Environment env = Environment.from(System.getenv());
      try (Database db = Database.open(env.db().url(), env.db().user(), env.db().password())) {
        OkrImporter.Report r = new OkrImporter(db.jdbi()).importFile(file);
        var out = spec.commandLine().getOut();
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
        return 0;
      }
    }
  }
}
