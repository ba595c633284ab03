package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.cli.DrumbeatProcess.Run;
import io.drumbeat.retro.ActionRepository;
import io.drumbeat.retro.Retro;
import io.drumbeat.retro.RetroCategory;
import io.drumbeat.retro.RetroRepository;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drumbeat export retro} as a user runs it: a child JVM in an empty directory. */
class ExportRetroCommandTest {
  static final Instant AT = Instant.parse("2026-11-20T17:30:00Z");

  @TempDir Path dir;
  String dbUrl;
  long retroId;

  /** An anonymous retro, voted on and closed, with one action item. */
  @BeforeEach
  void seed() {
    dbUrl = DbSettings.h2File(dir.resolve("db"));
    try (Database db = Database.open(dbUrl, null, null)) {
      RetroRepository retros = db.jdbi().onDemand(RetroRepository.class);
      Retro retro = retros.start("C0RETRO", "Sprint 42", "U0FAC1", false, 3, null, AT).get();
      retroId = retro.id();
      retros.addItem(retroId, RetroCategory.WINS, "Shipped <!channel> & *more*", "U0SECRET");
      long flaky = retros.addItem(retroId, RetroCategory.NOT_WELL, "# CI was flaky", null);
      retros.openVoting(retroId, AT);
      retros.replaceVotes(retroId, "U0AAA1", Set.of(flaky), AT);
      db.jdbi()
          .onDemand(ActionRepository.class)
          .add(retroId, "C0RETRO", "Fix CI", "U0AAA1", LocalDate.of(2026, 12, 1), AT);
      retros.close(retroId, AT);
    }
  }

  Run drumbeat(String... args) throws IOException, InterruptedException {
    return DrumbeatProcess.run(dir, dir, Map.of("DRUMBEAT_DB_URL", dbUrl), args);
  }

  @Test
  void markdown_export_writes_the_retros_notes_to_the_given_file() throws Exception {
    Run run =
        drumbeat("export", "retro", String.valueOf(retroId), "--format", "md", "--out", "n.md");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .isEqualTo("Wrote the notes of retro " + retroId + " to n.md" + System.lineSeparator());
    assertThat(Files.readString(dir.resolve("n.md"), StandardCharsets.UTF_8))
        .startsWith("# Retro notes: Sprint 42\n\n2 items · 1 person voted · 1 action item\n")
        .contains(
            "## Wins\n\n- Shipped \\<!channel\\> \\& \\*more\\*\n",
            "## What didn't go well\n\n- \\# CI was flaky\n",
            "1. **1 vote** · What didn't go well · \\# CI was flaky\n",
            "- [ ] Fix CI — @U0AAA1, due 2026-12-01\n")
        .doesNotContain("U0SECRET");
  }

  @Test
  void without_out_the_notes_go_to_retro_id_md_here() throws Exception {
    Run run = drumbeat("export", "retro", String.valueOf(retroId), "--format", "MD");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(dir.resolve("retro-" + retroId + ".md")).content().startsWith("# Retro notes:");
  }

  @Test
  void an_unknown_retro_and_a_format_other_than_md_are_refused_on_one_line() throws Exception {
    Run unknown = drumbeat("export", "retro", "999", "--format", "md");
    Run csv = drumbeat("export", "retro", String.valueOf(retroId), "--format", "csv");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr().lines().toList()).containsExactly("drumbeat: No retro with id 999");
    assertThat(csv.exitCode()).isEqualTo(1);
    assertThat(csv.stderr().lines().toList())
        .containsExactly("drumbeat: Retros export only as Markdown (--format md), not csv");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .noneMatch(f -> f.endsWith(".md"));
    }
  }

  @Test
  void export_lists_both_subcommands() throws Exception {
    Run run = drumbeat("export");

    assertThat(run.exitCode()).isZero();
    assertThat(List.of(run.stdout().split("\\R"))).anyMatch(l -> l.strip().startsWith("updates"));
    assertThat(List.of(run.stdout().split("\\R"))).anyMatch(l -> l.strip().startsWith("retro"));
  }
}
