package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.cli.DrumbeatProcess.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code drumbeat} command line as a user runs it: a separate JVM with only the environment
 * each test gives it, in an empty working directory. Exit codes, stdout and stderr are the
 * contract.
 */
class CommandLineTest {
  static final Path EXAMPLE_CONFIG = Path.of("drumbeat.example.yml").toAbsolutePath();
  static final Path EXAMPLE_OKRS = Path.of("okrs.example.yml").toAbsolutePath();

  @TempDir Path dir;
  @TempDir Path logs;

  /** Runs {@code io.drumbeat.Main args} in {@link #dir} with exactly {@code env}. */
  Run drumbeat(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return DrumbeatProcess.run(dir, logs, env, args);
  }

  Map<String, String> db() {
    return Map.of(
        "DRUMBEAT_DB_URL",
        "jdbc:h2:file:"
            + dir.resolve("db").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }

  static void assertNoStackTrace(String stderr) {
    assertThat(stderr).doesNotContain("Exception");
    assertThat(stderr.lines()).noneMatch(l -> l.strip().startsWith("at "));
  }

  @Test
  void help_lists_every_command_and_exits_0() throws Exception {
    Run run = drumbeat(Map.of(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("serve", "check-config", "okrs", "demo");
  }

  @Test
  void serve_without_a_bot_token_names_it_on_one_stderr_line_and_exits_2() throws Exception {
    Run run = drumbeat(Map.of("SLACK_SIGNING_SECRET", "s3cret"), "serve");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().lines()).singleElement().asString().contains("SLACK_BOT_TOKEN");
    assertNoStackTrace(run.stderr());
  }

  @Test
  void serve_without_a_signing_secret_names_it_on_one_stderr_line_and_exits_2() throws Exception {
    Run run = drumbeat(Map.of("SLACK_BOT_TOKEN", "xoxb-test"), "serve");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().lines())
        .singleElement()
        .asString()
        .contains("SLACK_SIGNING_SECRET")
        .doesNotContain("SLACK_BOT_TOKEN");
    assertNoStackTrace(run.stderr());
  }

  @Test
  void check_config_accepts_the_example_config() throws Exception {
    Run run = drumbeat(Map.of(), "check-config", "--config", EXAMPLE_CONFIG.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains(": OK", "America/Los_Angeles");
  }

  @Test
  void check_config_reports_an_unknown_key_and_a_bad_zone_by_key_path_and_exits_2()
      throws Exception {
    String config =
        Files.readString(EXAMPLE_CONFIG)
            .replace("timezone: America/Los_Angeles", "timezone: America/Los_Angles")
            .replace("  digestAt: \"MON 08:00\"", "  digestAt: \"MON 08:00\"\n  digestChanel: x");
    Path file = Files.writeString(dir.resolve("drumbeat.yml"), config);

    Run run = drumbeat(Map.of(), "check-config", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("timezone: \"America/Los_Angles\"")
        .contains("okr.digestChanel: unknown key");
    assertNoStackTrace(run.stderr());
  }

  @Test
  void okrs_import_adds_the_example_key_results_and_a_second_import_updates_them()
      throws Exception {
    Run first =
        drumbeat(
            db(), "okrs", "import", "--config", EXAMPLE_CONFIG.toString(), EXAMPLE_OKRS.toString());
    Run second =
        drumbeat(
            db(), "okrs", "import", "--config", EXAMPLE_CONFIG.toString(), EXAMPLE_OKRS.toString());

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("4 key results added");
    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(second.stdout()).contains("0 key results added, 4 updated");
  }

  @Test
  void okrs_import_dry_run_prints_the_diff_and_changes_nothing() throws Exception {
    String config = EXAMPLE_CONFIG.toString();
    drumbeat(db(), "okrs", "import", "--config", config, EXAMPLE_OKRS.toString());
    String okrs = Files.readString(EXAMPLE_OKRS).replace("target: 120", "target: 150");
    Path file = Files.writeString(dir.resolve("okrs.yml"), okrs);

    Run dry = drumbeat(db(), "okrs", "import", "--dry-run", "--config", config, file.toString());
    Run again = drumbeat(db(), "okrs", "import", "--dry-run", "--config", config, file.toString());

    assertThat(dry.exitCode()).as(dry.stderr()).isZero();
    assertThat(dry.stdout()).contains("Dry run: nothing was changed", "target: 120 -> 150");
    assertThat(again.stdout()).contains("target: 120 -> 150");
  }

  @Test
  void okrs_import_of_a_file_with_a_bad_owner_names_its_key_path_and_exits_1() throws Exception {
    String okrs = Files.readString(EXAMPLE_OKRS).replace("owner: U0CCC3", "owner: rosa");
    Path file = Files.writeString(dir.resolve("okrs.yml"), okrs);

    Run run =
        drumbeat(db(), "okrs", "import", "--config", EXAMPLE_CONFIG.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("objectives[1].keyResults[1].owner", "\"rosa\"");
    assertNoStackTrace(run.stderr());
  }

  @Test
  void okrs_import_of_a_value_too_large_for_the_database_names_its_key_path_without_sql()
      throws Exception {
    String okrs = Files.readString(EXAMPLE_OKRS).replace("target: 120", "target: 1e30");
    assertThat(okrs).contains("target: 1e30");
    Path file = Files.writeString(dir.resolve("okrs.yml"), okrs);

    Run run =
        drumbeat(db(), "okrs", "import", "--config", EXAMPLE_CONFIG.toString(), file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().lines())
        .singleElement()
        .asString()
        .contains(
            "objectives[1].keyResults[0].target: 1E+30 is too large",
            "at most 16 digits before the point and 4 after")
        .doesNotContainIgnoringCase("insert")
        .doesNotContainIgnoringCase("sql");
    assertNoStackTrace(run.stderr());
  }

  @Test
  void demo_plays_a_whole_okr_week_exits_0_and_leaves_nothing_behind() throws Exception {
    Run run = drumbeat(Map.of(), "demo");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("DM to Sam Okafor", "#vp-sync", "OKR digest", "Demo finished")
        .contains("The Home tab of Sam Okafor", "My key results");
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
