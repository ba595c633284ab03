package io.drumbeat.cli;

import io.drumbeat.DrumbeatException;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.okr.CheckInExport;
import io.drumbeat.okr.Quarter;
import io.drumbeat.store.Database;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drumbeat export checkins QUARTER --format csv|md [--out FILE] [--config FILE]}: every
 * check-in of a quarter, one row per KR per week ({@link CheckInExport}). An unknown or empty
 * quarter is a {@link DrumbeatException} (one line, exit 1).
 */
@Command(
    name = "checkins",
    mixinStandardHelpOptions = true,
    description =
        "Write a quarter's OKR check-ins, one row per key result per ISO week, to a UTF-8 CSV or"
            + " Markdown file.")
public final class ExportCheckinsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUARTER", description = "e.g. FY2027-Q4")
  String quarter;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "csv|md",
      converter = ExportCommand.FormatConverter.class,
      description = "csv or md")
  ExportCommand.Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "file to write (default: checkins-QUARTER.csv or .md here)")
  Path out;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "drumbeat.yml to use (default: $DRUMBEAT_CONFIG or ./drumbeat.yml)")
  Path config;

  @Override
  public Integer call() {
    Quarter q = Quarter.parse(quarter);
    Environment env = Environment.from(System.getenv()).withConfig(config);
    int fiscalStart = new ConfigLoader().load(env.configPath()).fiscalYearStartMonth();
    Path file = out != null ? out : Path.of("checkins-" + q + "." + format.extension());
    try (Database db = env.openDatabase()) {
      CheckInExport export = CheckInExport.read(db.jdbi(), q, fiscalStart);
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        if (format == ExportCommand.Format.CSV) {
          export.csv(w);
        } else {
          export.markdown(w);
        }
      } catch (IOException e) {
        throw new DrumbeatException("Cannot write " + file + ": " + e.getMessage(), e);
      }
      spec.commandLine().getOut().println("Wrote " + export.rows() + " rows to " + file);
      return 0;
    }
  }
}
