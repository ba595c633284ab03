package io.drumbeat.cli;

import io.drumbeat.DrumbeatException;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.rituals.MonthlyExport;
import io.drumbeat.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drumbeat export monthly YYYY-MM --format md [--out FILE] [--config FILE]}: writes the
 * month in review (what the monthly update posts) to a UTF-8 Markdown file. A month that is not
 * YYYY-MM or a format other than {@code md} is a {@link DrumbeatException} (one line, exit 1).
 */
@Command(
    name = "monthly",
    mixinStandardHelpOptions = true,
    description =
        "Write the month in review (KRs, status changes, retros, daily updates) to a"
            + " UTF-8 Markdown file.")
public final class ExportMonthlyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "YYYY-MM", description = "the month, e.g. 2026-11")
  String month;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "md",
      converter = ExportCommand.FormatConverter.class,
      description = "md (the only format for the monthly update)")
  ExportCommand.Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "file to write (default: monthly-YYYY-MM.md here)")
  Path out;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "drumbeat.yml to use (default: $DRUMBEAT_CONFIG or ./drumbeat.yml)")
  Path config;

  @Override
  public Integer call() {
    if (format != ExportCommand.Format.MD) {
      throw new DrumbeatException(
          "The monthly update exports only as Markdown (--format md), not " + format.extension());
    }
    YearMonth ym;
    try {
      ym = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new DrumbeatException("\"" + month + "\" is not a month (use YYYY-MM, e.g. 2026-11)");
    }
    Environment env = Environment.from(System.getenv()).withConfig(config);
    DrumbeatConfig cfg = new ConfigLoader().load(env.configPath());
    Path file = out != null ? out : Path.of("monthly-" + ym + ".md");
    try (Database db = env.openDatabase()) {
      String markdown = MonthlyExport.markdown(db.jdbi(), ym, cfg);
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("Wrote the month in review of " + ym + " to " + file);
      return 0;
    } catch (NoSuchFileException e) {
      throw new DrumbeatException("Cannot write " + file + ": no such folder", e);
    } catch (IOException e) {
      throw new DrumbeatException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
