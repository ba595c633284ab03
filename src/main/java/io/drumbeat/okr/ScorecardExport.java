package io.drumbeat.okr;

import io.drumbeat.DrumbeatException;
import io.drumbeat.daily.DailyExport;
import io.drumbeat.text.MarkdownEscape;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A quarter's scorecard as files ({@code drumbeat export scorecard}): RFC 4180 CSV (Apache Commons
 * CSV), one row per KR, user text guarded against spreadsheet formulas ({@link
 * DailyExport#csvCell}); or Markdown, one section per objective with its average grade, user text
 * escaped with {@link MarkdownEscape} so it shows as typed.
 */
public final class ScorecardExport {
  /** The CSV header, in column order. */
  public static final List<String> CSV_HEADER =
      List.of(
          "quarter",
          "objective_key",
          "objective",
          "objective_average_grade",
          "kr_key",
          "kr",
          "owner_id",
          "start",
          "target",
          "unit",
          "final_value",
          "progress_percent",
          "final_status",
          "final_week",
          "confidence_trend",
          "grade",
          "outcome",
          "what_worked",
          "what_didnt",
          "what_we_learned");

  private ScorecardExport() {}

  /**
   * Writes one CSV row per KR, in file order. Does not close {@code out}.
   *
   * @throws DrumbeatException when writing fails
   */
  public static void csv(List<ScorecardLine> lines, Writer out) {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get();
    Map<String, List<ScorecardLine>> objectives = ScorecardRenderer.byObjective(lines);
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      for (ScorecardLine l : lines) {
        KeyResult kr = l.kr();
        CheckIn last = l.last();
        KrRetro retro = l.retro();
        printer.printRecord(
            Stream.of(
                kr.quarter(),
                text(kr.objectiveKey()),
                text(l.objectiveTitle()),
                ScorecardLine.averageGrade(objectives.get(l.objectiveTitle())).toPlainString(),
                text(kr.krKey()),
                text(kr.title()),
                kr.ownerId(),
                number(kr.startValue()),
                number(kr.targetValue()),
                text(kr.unit()),
                last == null ? "" : number(last.currentValue()),
                l.progress().isPresent() ? String.valueOf(l.progress().getAsInt()) : "",
                last == null ? "" : last.status().label(),
                last == null ? "" : last.isoWeek(),
                l.confidenceTrend().equals("—") ? "" : l.confidenceTrend(),
                l.grade().toPlainString(),
                retro == null ? "" : text(retro.outcome()),
                retro == null ? "" : text(retro.worked()),
                retro == null ? "" : text(retro.didnt()),
                retro == null ? "" : text(retro.learned())));
      }
      printer.flush();
    } catch (IOException e) {
      throw new DrumbeatException("Cannot write the CSV: " + e.getMessage(), e);
    }
  }

  /** The scorecard as Markdown: a title, the overall grade, a section per objective. */
  public static String markdown(String quarter, List<ScorecardLine> lines, boolean isFinal) {
    StringBuilder md = new StringBuilder("# OKR scorecard: ").append(quarter);
    md.append(isFinal ? " (final)" : " (draft)").append("\n\n");
    if (lines.isEmpty()) {
      return md.append("No key results imported for this quarter.\n").toString();
    }
    md.append(lines.size())
        .append(" key results · average grade ")
        .append(ScorecardLine.averageGrade(lines))
        .append(" (0.0–1.0: progress to target, capped at 1.0)\n");
    for (Map.Entry<String, List<ScorecardLine>> o :
        ScorecardRenderer.byObjective(lines).entrySet()) {
      md.append("\n## ").append(MarkdownEscape.line(o.getKey()));
      md.append(" · average grade ")
          .append(ScorecardLine.averageGrade(o.getValue()))
          .append("\n\n");
      for (ScorecardLine l : o.getValue()) {
        md.append(line(l)).append("\n");
        md.append(retro(l.retro(), "  "));
      }
    }
    return md.toString();
  }

  /**
   * "- **KR1.1** title: grade 0.7 · On track (2026-W47) · 700 / 500 ms (71%) · confidence … · @U".
   */
  static String line(ScorecardLine l) {
    KeyResult kr = l.kr();
    CheckIn last = l.last();
    String facts =
        last == null
            ? "never checked in · " + MarkdownEscape.line(kr.describeTarget())
            : last.status().label()
                + " ("
                + last.isoWeek()
                + ") · "
                + MarkdownEscape.line(CheckInText.plainValueVsTarget(kr, last.currentValue()));
    return "- **"
        + MarkdownEscape.line(kr.krKey())
        + "** "
        + MarkdownEscape.line(kr.title())
        + ": grade "
        + l.grade()
        + " · "
        + facts
        + " · confidence "
        + l.confidenceTrend()
        + " · @"
        + kr.ownerId();
  }

  /** A KR retrospective as nested Markdown bullets under {@code indent} ("" when there is none). */
  public static String retro(KrRetro retro, String indent) {
    if (retro == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    parts.add(bullet(indent, "Outcome", retro.outcome()));
    parts.add(bullet(indent, "What worked", retro.worked()));
    parts.add(bullet(indent, "What didn't", retro.didnt()));
    parts.add(bullet(indent, "What we learned", retro.learned()));
    return String.join("", parts);
  }

  private static String bullet(String indent, String label, String answer) {
    if (answer == null || answer.isBlank()) {
      return "";
    }
    return indent
        + "- *"
        + label
        + ":* "
        + MarkdownEscape.lines(answer, indent + "  ").stripLeading()
        + "\n";
  }

  private static String text(String s) {
    return s == null ? "" : DailyExport.csvCell(s);
  }

  private static String number(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }
}
