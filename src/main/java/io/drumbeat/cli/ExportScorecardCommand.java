package io.drumbeat.cli;

import io.drumbeat.DrumbeatException;
import io.drumbeat.okr.KrRetroRepository;
import io.drumbeat.okr.Quarter;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.okr.ScorecardExport;
import io.drumbeat.okr.ScorecardLine;
import io.drumbeat.store.Database;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drumbeat export scorecard QUARTER --format md|csv [--out FILE]}: writes a quarter's OKR
 * scorecard (per KR final value, target, progress, status, confidence trend, grade, owner and KR
 * retrospective; per objective the average grade) to a UTF-8 file. A quarter without KRs or a
 * malformed quarter is a {@link DrumbeatException} (one line, exit 1).
 */
@Command(
    name = "scorecard",
    mixinStandardHelpOptions = true,
    description = "Write a quarter's OKR scorecard to a UTF-8 CSV or Markdown file.")
public final class ExportScorecardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUARTER", description = "e.g. FY2027-Q1")
  String quarter;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "md|csv",
      converter = ExportCommand.FormatConverter.class,
      description = "csv or md")
  ExportCommand.Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "file to write (default: scorecard-QUARTER.csv or .md here)")
  Path out;

  @Override
  public Integer call() {
    String name = Quarter.parse(quarter.toUpperCase(java.util.Locale.ROOT)).toString();
    Environment env = Environment.from(System.getenv());
    Path file = out != null ? out : Path.of("scorecard-" + name + "." + format.extension());
    try (Database db = env.openDatabase()) {
      List<ScorecardLine> lines = new Scorecard(db.jdbi()).of(name);
      if (lines.isEmpty()) {
        throw new DrumbeatException(
            "No key results for " + name + "; import them with `okrs import` first");
      }
      boolean isFinal = db.jdbi().onDemand(KrRetroRepository.class).isFinal(name);
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        if (format == ExportCommand.Format.CSV) {
          ScorecardExport.csv(lines, w);
        } else {
          w.write(ScorecardExport.markdown(name, lines, isFinal));
        }
      } catch (NoSuchFileException e) {
        throw new DrumbeatException("Cannot write " + file + ": no such folder", e);
      } catch (IOException e) {
        throw new DrumbeatException("Cannot write " + file + ": " + e.getMessage(), e);
      }
      spec.commandLine()
          .getOut()
          .println("Wrote the " + name + " scorecard (" + lines.size() + " KRs) to " + file);
      return 0;
    }
  }
}
