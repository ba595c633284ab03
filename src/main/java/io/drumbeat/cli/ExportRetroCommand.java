package io.drumbeat.cli;

import io.drumbeat.DrumbeatException;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.retro.RetroNotes;
import io.drumbeat.retro.RetroReport;
import io.drumbeat.retro.RetroReports;
import io.drumbeat.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drumbeat export retro ID --format md [--out FILE]}: writes a retro's notes (the ones
 * posted when it closes) to a UTF-8 Markdown file. An unknown id or a format other than {@code md}
 * is a {@link DrumbeatException} (one line, exit 1).
 */
@Command(
    name = "retro",
    mixinStandardHelpOptions = true,
    description =
        "Write a retro's notes (scorecard, items, ranked topics, action items) to a UTF-8"
            + " Markdown file.")
public final class ExportRetroCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "the retro's number")
  long id;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "md",
      converter = ExportCommand.FormatConverter.class,
      description = "md (the only format for retros)")
  ExportCommand.Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "file to write (default: retro-ID.md here)")
  Path out;

  @Override
  public Integer call() {
    if (format != ExportCommand.Format.MD) {
      throw new DrumbeatException(
          "Retros export only as Markdown (--format md), not " + format.extension());
    }
    Environment env = Environment.from(System.getenv());
    Path file = out != null ? out : Path.of("retro-" + id + ".md");
    try (Database db = env.openDatabase()) {
      RetroReport report =
          new RetroReports(db.jdbi(), new Scorecard(db.jdbi()))
              .load(id)
              .orElseThrow(() -> new DrumbeatException("No retro with id " + id));
      write(file, RetroNotes.markdown(report));
      spec.commandLine().getOut().println("Wrote the notes of retro " + id + " to " + file);
      return 0;
    }
  }

  private static void write(Path file, String markdown) {
    try {
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DrumbeatException("Cannot write " + file + ": no such folder", e);
    } catch (IOException e) {
      throw new DrumbeatException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
