package io.drumbeat.okr;

import io.drumbeat.DrumbeatException;
import io.drumbeat.daily.DailyExport;
import io.drumbeat.text.MarkdownEscape;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;

/**
 * A quarter's week-over-week history ({@code drumbeat export checkins}): one row per KR per ISO
 * week, from the quarter's first week to the last week that has a check-in (the handbook's "week
 * over week history" slides, {@code product-and-engineering.md}). A week without a check-in is a
 * row with status {@code NO_UPDATE}. User text is written as typed: CSV quotes it and defuses
 * formula cells ({@link DailyExport#csvCell}); Markdown escapes it ({@link MarkdownEscape}).
 */
public final class CheckInExport {
  /** The CSV header row. */
  public static final List<String> CSV_HEADER =
      List.of(
          "quarter",
          "objective",
          "kr",
          "title",
          "owner_id",
          "iso_week",
          "status",
          "value",
          "target",
          "unit",
          "progress_percent",
          "confidence",
          "note",
          "submitted_at");

  private final List<KeyResult> keyResults;
  private final Map<String, Map<String, CheckIn>> byKr;
  private final List<IsoWeek> weeks;
  private final Quarter quarter;

  private CheckInExport(Quarter quarter, List<KeyResult> krs, List<CheckIn> checkIns, int fsm) {
    this.quarter = quarter;
    this.keyResults = krs;
    this.byKr = new HashMap<>();
    checkIns.forEach(
        c -> byKr.computeIfAbsent(c.krKey(), k -> new HashMap<>()).put(c.isoWeek(), c));
    IsoWeek first = IsoWeek.of(quarter.start(fsm));
    IsoWeek last =
        checkIns.stream().map(c -> IsoWeek.parse(c.isoWeek())).max(IsoWeek::compareTo).orElse(null);
    this.weeks = new ArrayList<>();
    for (IsoWeek w = first; last != null && w.compareTo(last) <= 0; w = w.next()) {
      weeks.add(w);
    }
  }

  /**
   * Reads a quarter's KRs (file order) and check-ins.
   *
   * @param fiscalYearStartMonth {@code fiscalYearStartMonth}, for the quarter's first week
   * @throws DrumbeatException when the quarter has no key results
   */
  public static CheckInExport read(Jdbi jdbi, Quarter quarter, int fiscalYearStartMonth) {
    String q = quarter.toString();
    OkrRepository repo = jdbi.onDemand(OkrRepository.class);
    List<KeyResult> krs = repo.keyResults(q);
    if (krs.isEmpty()) {
      throw new DrumbeatException(q + " has no key results (import its OKR file first)");
    }
    List<CheckIn> checkIns = new ArrayList<>();
    krs.forEach(kr -> checkIns.addAll(repo.history(q, kr.krKey())));
    return new CheckInExport(quarter, krs, checkIns, fiscalYearStartMonth);
  }

  /** How many rows the export has (KRs times weeks). */
  public int rows() {
    return keyResults.size() * weeks.size();
  }

  /**
   * Writes the CSV (RFC 4180, header {@link #CSV_HEADER}); {@code submitted_at} in UTC ISO-8601.
   * Does not close {@code out}.
   *
   * @throws DrumbeatException when writing fails
   */
  public void csv(Writer out) {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      for (KeyResult kr : keyResults) {
        for (IsoWeek week : weeks) {
          CheckIn c = byKr.getOrDefault(kr.krKey(), Map.of()).get(week.toString());
          printer.printRecord(
              Stream.of(
                      quarter.toString(),
                      kr.objectiveKey(),
                      kr.krKey(),
                      kr.title(),
                      kr.ownerId(),
                      week.toString(),
                      c == null ? "NO_UPDATE" : c.status().name(),
                      c == null ? "" : number(c.currentValue()),
                      number(kr.targetValue()),
                      kr.unit() == null ? "" : kr.unit(),
                      c == null ? "" : progress(kr, c),
                      c == null || c.confidence() == null ? "" : c.confidence().toString(),
                      c == null || c.note() == null ? "" : c.note(),
                      c == null ? "" : c.submittedAt().toString())
                  .map(DailyExport::csvCell));
        }
      }
      printer.flush();
    } catch (IOException e) {
      throw new DrumbeatException("Cannot write the CSV: " + e.getMessage(), e);
    }
  }

  /**
   * Writes Markdown: a {@code # Check-ins: QUARTER} title, a {@code ## KEY Title} section per KR
   * with its owner and target, and one bullet per week ("**2026-W46** · On track · 700 / 500 ms
   * (71%) · confidence 7/10"), the note on the following lines of the bullet. Does not close {@code
   * out}.
   *
   * @throws DrumbeatException when writing fails
   */
  public void markdown(Writer out) {
    StringBuilder md = new StringBuilder("# Check-ins: ").append(quarter).append("\n");
    if (weeks.isEmpty()) {
      md.append("\nNo check-ins.\n");
    }
    for (KeyResult kr : keyResults) {
      md.append("\n## ")
          .append(MarkdownEscape.line(kr.krKey() + " " + kr.title()))
          .append("\n\nOwner: ")
          .append(MarkdownEscape.line(kr.ownerId()))
          .append(" · ")
          .append(MarkdownEscape.line(kr.describeTarget()))
          .append("\n\n");
      for (IsoWeek week : weeks) {
        CheckIn c = byKr.getOrDefault(kr.krKey(), Map.of()).get(week.toString());
        md.append("- **").append(week).append("** · ");
        if (c == null) {
          md.append("no update\n");
          continue;
        }
        md.append(c.status().label())
            .append(" · ")
            .append(MarkdownEscape.line(CheckInText.plainValueVsTarget(kr, c.currentValue())));
        if (c.confidence() != null) {
          md.append(" · confidence ").append(c.confidence()).append("/10");
        }
        String note = MarkdownEscape.lines(c.note(), "  ");
        md.append(note.isEmpty() ? "" : "\\\n  " + note).append("\n");
      }
    }
    try {
      out.write(md.toString());
      out.flush();
    } catch (IOException e) {
      throw new DrumbeatException("Cannot write the Markdown: " + e.getMessage(), e);
    }
  }

  private static String number(java.math.BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private static String progress(KeyResult kr, CheckIn c) {
    var p = kr.progressPercent(c.currentValue());
    return p.isPresent() ? Integer.toString(p.getAsInt()) : "";
  }
}
