package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.TestSlackApp;
import io.drumbeat.cli.DrumbeatProcess.Run;
import io.drumbeat.okr.OkrImporter;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drumbeat export checkins} as a user runs it: a child JVM in an empty directory. */
class ExportCheckinsCommandTest {
  @TempDir Path dir;

  @Test
  void checkins_export_writes_the_default_file_and_an_unknown_quarter_is_one_line()
      throws Exception {
    Files.writeString(dir.resolve("drumbeat.yml"), TestSlackApp.CONFIG);
    String dbUrl = DbSettings.h2File(dir.resolve("db"));
    try (Database db = Database.open(dbUrl, null, null)) {
      new OkrImporter(db.jdbi()).importText(TestSlackApp.OKRS, "okrs.yml");
    }
    Map<String, String> env = Map.of("DRUMBEAT_DB_URL", dbUrl);
    String config = dir.resolve("drumbeat.yml").toString();

    Run md =
        DrumbeatProcess.run(
            dir, dir, env, "export", "checkins", "FY2027-Q4", "--format", "md", "--config", config);
    Run unknown =
        DrumbeatProcess.run(
            dir,
            dir,
            env,
            "export",
            "checkins",
            "FY2020-Q1",
            "--format",
            "csv",
            "--config",
            config);

    assertThat(md.exitCode()).as(md.stderr()).isZero();
    assertThat(md.stdout()).contains("Wrote 0 rows to checkins-FY2027-Q4.md");
    assertThat(Files.readString(dir.resolve("checkins-FY2027-Q4.md"), StandardCharsets.UTF_8))
        .startsWith("# Check-ins: FY2027-Q4\n\nNo check-ins.\n");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr().strip())
        .isEqualTo("drumbeat: FY2020-Q1 has no key results (import its OKR file first)");
  }
}
