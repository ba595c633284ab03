package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.cli.DrumbeatProcess.Run;
import io.drumbeat.retro.RetroCategory;
import io.drumbeat.retro.RetroRepository;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drumbeat export monthly} as a user runs it: a child JVM in an empty directory. */
class ExportMonthlyCommandTest {
  static final Instant AT = Instant.parse("2026-11-20T17:30:00Z");

  @TempDir Path dir;

  @Test
  void markdown_export_writes_the_month_in_review_with_user_text_escaped() throws Exception {
    String dbUrl = DbSettings.h2File(dir.resolve("db"));
    try (Database db = Database.open(dbUrl, null, null)) {
      RetroRepository retros = db.jdbi().onDemand(RetroRepository.class);
      long id = retros.start("C0RETRO", "Sprint *42*", "U0FAC1", false, 3, null, AT).get().id();
      long item = retros.addItem(id, RetroCategory.NOT_WELL, "# CI <b>flaky</b>", null);
      retros.openVoting(id, AT);
      retros.replaceVotes(id, "U0AAA1", Set.of(item), AT);
    }
    Files.writeString(
        dir.resolve("drumbeat.yml"),
        "timezone: America/Los_Angeles\nokr: {digestChannel: C0VPSYNC}\n",
        StandardCharsets.UTF_8);

    Run run =
        DrumbeatProcess.run(
            dir,
            dir,
            Map.of("DRUMBEAT_DB_URL", dbUrl),
            "export",
            "monthly",
            "2026-11",
            "--format",
            "md",
            "--config",
            "drumbeat.yml");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("Wrote the month in review of 2026-11 to monthly-2026-11.md");
    assertThat(Files.readString(dir.resolve("monthly-2026-11.md"), StandardCharsets.UTF_8))
        .startsWith("# Month in review · November 2026\n\n**Key results**\n")
        .contains(
            "**Retros**\n- **Sprint \\*42\\*** (retro 1): top topics “\\# CI \\<b\\>flaky\\</b\\>” (1)",
            "Action items: 0 opened, 0 closed.",
            "**Daily updates**\nNo teams.")
        .doesNotContain(":dart:");
  }
}
