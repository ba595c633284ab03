package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import io.drumbeat.TestSlackApp;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code export checkins}: FY2027-Q4 (fiscal year from February) starts on Sunday 2026-11-01, so
 * its first ISO week is 2026-W44.
 */
class CheckInExportTest {
  static final Quarter Q = Quarter.parse("FY2027-Q4");

  static CheckInExport seeded(Database db) {
    new OkrImporter(db.jdbi()).importText(TestSlackApp.OKRS, "okrs.yml");
    OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);
    Instant at = Instant.parse("2026-11-13T20:00:00Z");
    repo.saveCheckIn(
        new CheckIn(
            Q.toString(),
            "KR1.1",
            "2026-W45",
            CheckInStatus.AT_RISK,
            new BigDecimal("900"),
            5,
            "=HYPERLINK(\"x\")\n# not a heading <b>",
            "U0AAA1",
            at,
            null,
            null));
    repo.saveCheckIn(
        new CheckIn(
            Q.toString(),
            "KR1.1",
            "2026-W46",
            CheckInStatus.ON_TRACK,
            new BigDecimal("700"),
            7,
            null,
            "U0AAA1",
            at.plusSeconds(604800),
            null,
            null));
    return CheckInExport.read(db.jdbi(), Q, 2);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void csv_has_one_row_per_kr_per_week_up_to_the_last_check_in(TestDb t) throws Exception {
    try (Database db = t.open()) {
      StringWriter out = new StringWriter();
      seeded(db).csv(out);

      List<CSVRecord> rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(out.toString()))
              .getRecords();
      assertThat(rows).hasSize(4 * 3); // 4 KRs x 2026-W44..W46
      assertThat(rows.get(0).toMap())
          .containsEntry("kr", "KR1.1")
          .containsEntry("iso_week", "2026-W44")
          .containsEntry("status", "NO_UPDATE");
      assertThat(rows.get(1).toMap())
          .containsEntry("status", "AT_RISK")
          .containsEntry("value", "900")
          .containsEntry("target", "500")
          .containsEntry("progress_percent", "43")
          .containsEntry("confidence", "5")
          .containsEntry("note", "'=HYPERLINK(\"x\")\n# not a heading <b>");
      assertThat(rows.get(2).get("status")).isEqualTo("ON_TRACK");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void markdown_lists_each_kr_week_by_week_with_user_text_escaped(TestDb t) {
    try (Database db = t.open()) {
      StringWriter out = new StringWriter();
      seeded(db).markdown(out);

      assertThat(out.toString())
          .startsWith("# Check-ins: FY2027-Q4\n")
          .contains(
              "## KR1.1 p99 latency under 500 ms",
              "- **2026-W44** · no update",
              "- **2026-W45** · At risk · 900 / 500 ms (43%) · confidence 5/10",
              "\\# not a heading \\<b\\>",
              "- **2026-W46** · On track · 700 / 500 ms (71%) · confidence 7/10\n")
          .doesNotContain("\n# not");
      assertThatThrownBy(() -> CheckInExport.read(db.jdbi(), Quarter.parse("FY2026-Q1"), 2))
          .isInstanceOf(DrumbeatException.class)
          .hasMessage("FY2026-Q1 has no key results (import its OKR file first)");
    }
  }
}
