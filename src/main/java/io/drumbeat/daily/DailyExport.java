package io.drumbeat.daily;

import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.SlackUser;
import io.drumbeat.slack.SlackUserRepository;
import io.drumbeat.text.MarkdownEscape;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes daily updates as CSV or Markdown ({@code drumbeat export updates}). User text is written
 * as typed: CSV quotes it (RFC 4180, multi-line fields kept) and defuses cells a spreadsheet would
 * run as a formula (see {@link #csvCell}); Markdown escapes it with {@link MarkdownEscape}, the
 * escaper of every Markdown export, so it cannot change the document's structure or load an image.
 */
public final class DailyExport {
  /** The CSV header row. */
  public static final List<String> CSV_HEADER =
      List.of("date", "user_id", "name", "update", "next", "blockers", "submitted_at");

  private DailyExport() {}

  /**
   * Display names of the updates' authors from the {@code slack_user} cache: the real name, or the
   * user id when it is unknown or blank.
   *
   * @return user id to name, one entry per distinct author
   */
  public static Map<String, String> names(SlackUserRepository users, List<DailyUpdate> updates) {
    Map<String, String> names = new LinkedHashMap<>();
    for (DailyUpdate u : updates) {
      names.computeIfAbsent(
          u.userId(),
          id ->
              users
                  .find(id)
                  .map(SlackUser::realName)
                  .filter(n -> !n.isBlank())
                  .map(String::strip)
                  .orElse(id));
    }
    return names;
  }

  /**
   * Writes one CSV record per update after the header {@link #CSV_HEADER}, in RFC 4180 format (CRLF
   * between records; fields with commas, quotes or line breaks quoted). {@code next} and {@code
   * blockers} are empty when not given; {@code submitted_at} is ISO-8601 in UTC, e.g. {@code
   * 2026-11-02T17:30:00Z}. Every cell goes through {@link #csvCell}. Does not close {@code out}.
   *
   * @param names user id to display name; a missing id falls back to the id
   * @throws DrumbeatException when writing fails
   */
  public static void csv(List<DailyUpdate> updates, Map<String, String> names, Writer out) {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      for (DailyUpdate u : updates) {
        printer.printRecord(
            Stream.of(
                    u.localDate().toString(),
                    u.userId(),
                    names.getOrDefault(u.userId(), u.userId()),
                    u.yesterday(),
                    u.nextUp() == null ? "" : u.nextUp(),
                    u.blockers() == null ? "" : u.blockers(),
                    u.submittedAt().toString())
                .map(DailyExport::csvCell));
      }
      printer.flush();
    } catch (IOException e) {
      throw new DrumbeatException("Cannot write the CSV: " + e.getMessage(), e);
    }
  }

  /**
   * A CSV cell as typed, or with a {@code '} in front when a spreadsheet would read it as a
   * formula: when it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
   * return (OWASP, "CSV Injection"), so the spreadsheet shows it as text. Commons CSV has no such
   * option (CSV-199, "Won't Fix").
   */
  public static String csvCell(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  /**
   * Writes the updates as Markdown: a {@code # Daily updates: TEAM from X to Y} title, a {@code ##
   * YYYY-MM-DD} section per date (oldest first), a {@code ### name} section per member in the given
   * order, and "Update", "Next" and "Blockers" as bullet lists ("- item", one per line typed; empty
   * fields left out). Does not close {@code out}.
   *
   * @param team the team's display name for the title
   * @param names user id to display name; a missing id falls back to the id
   * @throws DrumbeatException when writing fails
   */
  public static void markdown(
      String team,
      LocalDate from,
      LocalDate to,
      List<DailyUpdate> updates,
      Map<String, String> names,
      Writer out) {
    StringBuilder md = new StringBuilder("# Daily updates: ").append(MarkdownEscape.line(team));
    md.append(" from ").append(from).append(" to ").append(to).append("\n");
    if (updates.isEmpty()) {
      md.append("\nNo updates.\n");
    }
    Map<LocalDate, List<DailyUpdate>> byDate = new TreeMap<>();
    for (DailyUpdate u : updates) {
      byDate.computeIfAbsent(u.localDate(), d -> new java.util.ArrayList<>()).add(u);
    }
    byDate.forEach(
        (date, day) -> {
          md.append("\n## ").append(date).append("\n");
          for (DailyUpdate u : day) {
            String name = names.getOrDefault(u.userId(), u.userId());
            md.append("\n### ").append(MarkdownEscape.line(name)).append("\n");
            bullets(md, "Update", u.yesterday());
            bullets(md, "Next", u.nextUp());
            bullets(md, "Blockers", u.blockers());
          }
        });
    try {
      out.write(md.toString());
      out.flush();
    } catch (IOException e) {
      throw new DrumbeatException("Cannot write the Markdown: " + e.getMessage(), e);
    }
  }

  private static void bullets(StringBuilder md, String label, String field) {
    List<String> items = DailyText.items(field);
    if (items.isEmpty()) {
      return;
    }
    md.append("\n**").append(label).append(":**\n\n");
    for (String item : items) {
      md.append("- ").append(MarkdownEscape.line(item)).append("\n");
    }
  }
}
