package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.cli.DrumbeatProcess.Run;
import io.drumbeat.daily.DailyPost;
import io.drumbeat.daily.DailyRepository;
import io.drumbeat.daily.DailyUpdate;
import io.drumbeat.slack.SlackUser;
import io.drumbeat.slack.SlackUserRepository;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drumbeat export updates} as a user runs it: a child JVM in an empty directory. */
class ExportCommandTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-02");
  static final String CONFIG =
      """
      timezone: America/Los_Angeles
      teams:
        - {id: web, name: Web Team, channel: "#web"}
        - {id: api, channel: "#api"}
      okr: {digestChannel: "#vp-sync"}
      """;

  @TempDir Path dir;
  String dbUrl;

  @BeforeEach
  void seed() throws IOException {
    Files.writeString(dir.resolve("drumbeat.yml"), CONFIG);
    dbUrl = DbSettings.h2File(dir.resolve("db"));
    Instant at = Instant.parse("2026-11-02T17:30:00Z");
    try (Database db = Database.open(dbUrl, null, null)) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);
      db.jdbi()
          .onDemand(SlackUserRepository.class)
          .saveProfile(new SlackUser("U0AAA1", "Zoë Ünal", "UTC", null, at, null, false));
      repo.save(new DailyUpdate("U0AAA1", DAY, "Search, \"fast\"\n# done", null, null, at));
      repo.save(new DailyUpdate("U0BBB2", DAY.plusDays(1), "API work", "More", null, at));
      repo.insertPost(new DailyPost("U0AAA1", DAY, "web", "C0WEB", "1.1"));
      repo.insertPost(new DailyPost("U0BBB2", DAY.plusDays(1), "api", "C0API", "1.2"));
    }
  }

  Run drumbeat(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", dir.resolve("drumbeat.yml").toString()));
    return DrumbeatProcess.run(
        dir, dir, Map.of("DRUMBEAT_DB_URL", dbUrl), all.toArray(String[]::new));
  }

  @Test
  void csv_export_writes_the_teams_updates_to_the_default_file_in_utf8() throws Exception {
    Run run =
        drumbeat(
            "export",
            "updates",
            "--team",
            "web",
            "--from",
            "2026-11-02",
            "--to",
            "2026-11-08",
            "--format",
            "csv");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    String file = "updates-web-2026-11-02-2026-11-08.csv";
    assertThat(run.stdout()).isEqualTo("Wrote 1 updates to " + file + System.lineSeparator());
    assertThat(Files.readString(dir.resolve(file), StandardCharsets.UTF_8))
        .isEqualTo(
            "date,user_id,name,update,next,blockers,submitted_at\r\n"
                + "2026-11-02,U0AAA1,Zoë Ünal,\"Search, \"\"fast\"\"\n# done\",,,"
                + "2026-11-02T17:30:00Z\r\n");
  }

  @Test
  void markdown_export_writes_to_the_given_file_with_the_team_name() throws Exception {
    Run run =
        drumbeat(
            "export",
            "updates",
            "--team",
            "api",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-03",
            "--format",
            "md",
            "--out",
            "api.md");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).startsWith("Wrote 1 updates to api.md");
    assertThat(Files.readString(dir.resolve("api.md")))
        .startsWith("# Daily updates: api from 2026-11-01 to 2026-11-03\n\n## 2026-11-03\n")
        .contains("### U0BBB2\n", "- API work\n", "**Next:**\n\n- More\n");
  }

  @Test
  void an_unknown_team_is_refused_naming_the_known_ids() throws Exception {
    Run run =
        drumbeat(
            "export",
            "updates",
            "--team",
            "mobile",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-03",
            "--format",
            "csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().lines()).singleElement().asString().contains("\"mobile\"", "web, api");
    try (var files = Files.list(dir)) {
      assertThat(files).noneMatch(f -> f.getFileName().toString().startsWith("updates-"));
    }
  }

  @Test
  void from_after_to_and_an_unknown_format_are_refused() throws Exception {
    Run reversed =
        drumbeat(
            "export",
            "updates",
            "--team",
            "web",
            "--from",
            "2026-11-05",
            "--to",
            "2026-11-01",
            "--format",
            "csv");
    Run badFormat =
        drumbeat(
            "export",
            "updates",
            "--team",
            "web",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-05",
            "--format",
            "xlsx");

    assertThat(reversed.exitCode()).isEqualTo(1);
    assertThat(reversed.stderr()).contains("--from 2026-11-05 is after --to 2026-11-01");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.stderr()).contains("expected csv or md");
  }
}
