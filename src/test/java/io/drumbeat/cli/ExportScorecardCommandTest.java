package io.drumbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.cli.DrumbeatProcess.Run;
import io.drumbeat.okr.CheckIn;
import io.drumbeat.okr.CheckInStatus;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.okr.KrRetro;
import io.drumbeat.okr.KrRetroRepository;
import io.drumbeat.okr.Objective;
import io.drumbeat.okr.OkrRepository;
import io.drumbeat.store.Database;
import io.drumbeat.store.DbSettings;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drumbeat export scorecard} as a user runs it: a child JVM in an empty directory. */
class ExportScorecardCommandTest {
  static final String Q = "FY2027-Q4";
  static final Instant AT = Instant.parse("2027-01-20T17:30:00Z");

  @TempDir Path dir;
  String dbUrl;

  /** Two KRs of one objective: one checked in twice with a retrospective, one never. */
  @BeforeEach
  void seed() {
    dbUrl = DbSettings.h2File(dir.resolve("db"));
    try (Database db = Database.open(dbUrl, null, null)) {
      OkrRepository okrs = db.jdbi().onDemand(OkrRepository.class);
      okrs.upsertObjective(new Objective(Q, "O1", "Search # fast", 0));
      BigDecimal start = new BigDecimal("1200");
      BigDecimal target = new BigDecimal("500");
      okrs.upsertKeyResult(
          new KeyResult(Q, "KR1.1", "O1", "=p99 latency", "U0AAA1", start, target, "ms", 0));
      okrs.upsertKeyResult(
          new KeyResult(Q, "KR1.2", "O1", "Index", "U0BBB2", null, BigDecimal.TEN, null, 1));
      for (String[] c : new String[][] {{"2027-W02", "900", "5"}, {"2027-W03", "600", "8"}}) {
        okrs.saveCheckIn(
            new CheckIn(
                Q,
                "KR1.1",
                c[0],
                CheckInStatus.ON_TRACK,
                new BigDecimal(c[1]),
                Integer.valueOf(c[2]),
                null,
                "U0AAA1",
                AT,
                null,
                null));
      }
      db.jdbi()
          .onDemand(KrRetroRepository.class)
          .save(
              new KrRetro(
                  Q,
                  "KR1.1",
                  "Most of the way",
                  "<b>load tests</b>",
                  null,
                  "-measure",
                  "U0AAA1",
                  AT));
    }
  }

  Run drumbeat(String... args) throws IOException, InterruptedException {
    return DrumbeatProcess.run(dir, dir, Map.of("DRUMBEAT_DB_URL", dbUrl), args);
  }

  @Test
  void csv_export_has_one_row_per_kr_with_grades_and_guards_formulas() throws Exception {
    Run run = drumbeat("export", "scorecard", Q, "--format", "csv", "--out", "s.csv");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("Wrote the FY2027-Q4 scorecard (2 KRs) to s.csv");
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(Files.readString(dir.resolve("s.csv"))))
            .getRecords();
    assertThat(rows).hasSize(2);
    CSVRecord first = rows.get(0);
    assertThat(first.get("kr")).isEqualTo("'=p99 latency");
    assertThat(first.get("final_value")).isEqualTo("600");
    assertThat(first.get("progress_percent")).isEqualTo("86");
    assertThat(first.get("confidence_trend")).isEqualTo("5 → 8");
    assertThat(first.get("grade")).isEqualTo("0.9");
    assertThat(first.get("objective_average_grade")).isEqualTo("0.45");
    assertThat(first.get("what_we_learned")).isEqualTo("'-measure");
    assertThat(rows.get(1).get("grade")).isEqualTo("0.0");
    assertThat(rows.get(1).get("final_status")).isEmpty();
  }

  @Test
  void markdown_export_shows_grades_and_the_retrospective_escaped() throws Exception {
    Run run = drumbeat("export", "scorecard", "fy2027-q4", "--format", "md");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Files.readString(dir.resolve("scorecard-FY2027-Q4.md"), StandardCharsets.UTF_8))
        .startsWith("# OKR scorecard: FY2027-Q4 (draft)\n\n2 key results · average grade 0.45")
        .contains(
            "## Search # fast · average grade 0.45",
            "- **KR1.1** \\=p99 latency: grade 0.9 · On track (2027-W03) · 600 / 500 ms (86%)",
            "  - *Outcome:* Most of the way\n",
            "  - *What worked:* \\<b\\>load tests\\</b\\>\n");
  }

  @Test
  void a_quarter_without_key_results_is_a_one_line_error() throws Exception {
    Run run = drumbeat("export", "scorecard", "FY2030-Q1", "--format", "md");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("No key results for FY2030-Q1");
  }
}
