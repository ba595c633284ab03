package io.drumbeat.cli;

import io.drumbeat.DrumbeatException;
import io.drumbeat.config.ConfigLoader;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.daily.DailyExport;
import io.drumbeat.daily.DailyRepository;
import io.drumbeat.daily.DailyUpdate;
import io.drumbeat.slack.SlackUserRepository;
import io.drumbeat.store.Database;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code drumbeat export}: {@code updates} writes a team's daily updates to a CSV or Markdown file;
 * {@code retro} writes a retro's notes to a Markdown file ({@link ExportRetroCommand}); {@code
 * scorecard} a quarter's OKR scorecard ({@link ExportScorecardCommand}); {@code checkins} a
 * quarter's check-ins ({@link ExportCheckinsCommand}); {@code monthly} the month in review ({@link
 * ExportMonthlyCommand}).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export data to files.",
    subcommands = {
      ExportCommand.Updates.class,
      ExportRetroCommand.class,
      ExportScorecardCommand.class,
      ExportCheckinsCommand.class,
      ExportMonthlyCommand.class
    })
public final class ExportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** File formats of {@code export updates} ({@code export retro} takes only {@link #MD}). */
  public enum Format {
    /** RFC 4180 CSV with a header row. */
    CSV("csv"),
    /** Markdown: a section per date, a sub-section per member. */
    MD("md");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /** The file name extension and the option value, "csv" or "md". */
    public String extension() {
      return extension;
    }
  }

  /** {@code export updates --team ID --from DATE --to DATE --format csv|md [--out FILE]}. */
  @Command(
      name = "updates",
      mixinStandardHelpOptions = true,
      description =
          "Write the daily updates posted to a team's channel from one date to another"
              + " (both included, members' own dates) to a UTF-8 file.")
  public static final class Updates implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--team", required = true, paramLabel = "ID", description = "team id")
    String team;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "YYYY-MM-DD")
    LocalDate to;

    @Option(
        names = "--format",
        required = true,
        paramLabel = "csv|md",
        converter = FormatConverter.class,
        description = "csv or md")
    Format format;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "file to write (default: updates-TEAM-FROM-TO.csv or .md here)")
    Path out;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "drumbeat.yml to use (default: $DRUMBEAT_CONFIG or ./drumbeat.yml)")
    Path config;

    @Override
    public Integer call() {
      if (from.isAfter(to)) {
        throw new DrumbeatException("--from " + from + " is after --to " + to);
      }
      Environment env = Environment.from(System.getenv()).withConfig(config);
      TeamConfig teamConfig = team(new ConfigLoader().load(env.configPath()));
      Path file =
          out != null
              ? out
              : Path.of("updates-" + team + "-" + from + "-" + to + "." + format.extension());
      try (Database db = env.openDatabase()) {
        List<DailyUpdate> updates =
            db.jdbi().onDemand(DailyRepository.class).teamUpdates(team, from, to);
        Map<String, String> names =
            DailyExport.names(db.jdbi().onDemand(SlackUserRepository.class), updates);
        write(file, updates, names, teamConfig.name());
        spec.commandLine().getOut().println("Wrote " + updates.size() + " updates to " + file);
        return 0;
      }
    }

    private TeamConfig team(DrumbeatConfig cfg) {
      return cfg.teams().stream()
          .filter(t -> t.id().equals(team))
          .findFirst()
          .orElseThrow(
              () ->
                  new DrumbeatException(
                      "Unknown team \""
                          + team
                          + "\"; the teams in the config are: "
                          + (cfg.teams().isEmpty()
                              ? "(none)"
                              : cfg.teams().stream()
                                  .map(TeamConfig::id)
                                  .collect(Collectors.joining(", ")))));
    }

    private void write(
        Path file, List<DailyUpdate> updates, Map<String, String> names, String teamName) {
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        if (format == Format.CSV) {
          DailyExport.csv(updates, names, w);
        } else {
          DailyExport.markdown(teamName, from, to, updates, names, w);
        }
      } catch (NoSuchFileException e) {
        throw new DrumbeatException("Cannot write " + file + ": no such folder", e);
      } catch (IOException e) {
        throw new DrumbeatException("Cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Reads "csv" or "md" (any case). */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.extension().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new TypeConversionException("expected csv or md, was \"" + value + "\"");
    }
  }
}
