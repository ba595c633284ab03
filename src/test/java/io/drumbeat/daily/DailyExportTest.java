package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.slack.SlackUser;
import io.drumbeat.slack.SlackUserRepository;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DailyExportTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-02");
  static final Instant AT = Instant.parse("2026-11-02T17:30:05Z");
  static final Map<String, String> NAMES = Map.of("U0AAA1", "Avery Chen", "U0BBB2", "Zoë, \"Z\"");

  static DailyUpdate update(String user, LocalDate day, String text) {
    return new DailyUpdate(user, day, text, null, null, AT);
  }

  static List<CSVRecord> parseCsv(String csv) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    return format.parse(new StringReader(csv)).getRecords();
  }

  @Test
  void csv_starts_with_the_header_row() {
    StringWriter out = new StringWriter();

    DailyExport.csv(List.of(), NAMES, out);

    assertThat(out.toString()).isEqualTo("date,user_id,name,update,next,blockers,submitted_at\r\n");
  }

  @Test
  void csv_fields_with_commas_quotes_line_breaks_and_non_ascii_survive_a_round_trip()
      throws IOException {
    String tricky = "Shipped a, b and \"c\"\n- <b>bold</b> & more\r\nnaïve café 🚀, done";
    DailyUpdate full =
        new DailyUpdate("U0BBB2", DAY, tricky, "=SUM(A1)\n\n  indented", "'quoted'", AT);
    DailyUpdate minimal = update("U0CCC3", DAY.plusDays(1), "plain");
    StringWriter out = new StringWriter();

    DailyExport.csv(List.of(full, minimal), NAMES, out);

    List<CSVRecord> records = parseCsv(out.toString());
    assertThat(records).hasSize(2);
    assertThat(records.get(0).toList())
        .containsExactly(
            "2026-11-02",
            "U0BBB2",
            "Zoë, \"Z\"",
            tricky,
            "'=SUM(A1)\n\n  indented",
            "'quoted'",
            "2026-11-02T17:30:05Z");
    assertThat(records.get(1).toList())
        .containsExactly("2026-11-03", "U0CCC3", "U0CCC3", "plain", "", "", "2026-11-02T17:30:05Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"})
  void csv_cells_a_spreadsheet_would_run_as_a_formula_start_with_a_single_quote(String typed)
      throws IOException {
    Map<String, String> names = Map.of("U0EVE1", typed);
    StringWriter out = new StringWriter();

    DailyExport.csv(List.of(new DailyUpdate("U0EVE1", DAY, typed, typed, typed, AT)), names, out);

    assertThat(parseCsv(out.toString()).get(0).toList())
        .containsExactly(
            "2026-11-02",
            "U0EVE1",
            "'" + typed,
            "'" + typed,
            "'" + typed,
            "'" + typed,
            "2026-11-02T17:30:05Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a=b", " =1", "'=1", "Shipped -2 ms\n=later", "2026-11-02"})
  void csv_cells_that_start_otherwise_are_written_as_typed(String typed) {
    assertThat(DailyExport.csvCell(typed)).isEqualTo(typed);
  }

  @Test
  void markdown_does_not_get_the_csv_formula_quote() {
    StringWriter out = new StringWriter();

    DailyExport.markdown(
        "T", DAY, DAY, List.of(update("U0AAA1", DAY, "=1+1\n@here\n+1")), NAMES, out);

    // Markdown's own escaping only: no spreadsheet quote
    assertThat(out.toString()).contains("- \\=1+1\n- @here\n- \\+1\n").doesNotContain("'");
  }

  @Test
  void markdown_has_a_title_a_section_per_date_and_a_subsection_per_member() {
    List<DailyUpdate> updates =
        List.of(
            new DailyUpdate("U0AAA1", DAY, "- Search\n* Reviews", "Docs", "Infra", AT),
            update("U0BBB2", DAY, "Pairing"),
            update("U0AAA1", DAY.plusDays(1), "Release"));
    StringWriter out = new StringWriter();

    DailyExport.markdown("Distribution", DAY, DAY.plusDays(6), updates, NAMES, out);

    assertThat(out.toString())
        .isEqualTo(
            """
            # Daily updates: Distribution from 2026-11-02 to 2026-11-08

            ## 2026-11-02

            ### Avery Chen

            **Update:**

            - Search
            - Reviews

            **Next:**

            - Docs

            **Blockers:**

            - Infra

            ### Zoë, "Z"

            **Update:**

            - Pairing

            ## 2026-11-03

            ### Avery Chen

            **Update:**

            - Release
            """);
  }

  @Test
  void markdown_escapes_user_text_that_would_change_the_structure() {
    String text = "# not a heading\n- - nested\n1. ordered\n> quote\n```\n<details>\nC:\\temp | ok";
    StringWriter out = new StringWriter();

    DailyExport.markdown("T", DAY, DAY, List.of(update("U0ZZZ9", DAY, text)), Map.of(), out);

    assertThat(out.toString())
        .contains("### U0ZZZ9\n")
        .contains(
            "- \\# not a heading\n- \\- nested\n- 1\\. ordered\n- \\> quote\n- \\`\\`\\`\n"
                + "- \\<details\\>\n- C:\\\\temp \\| ok\n");
    assertThat(out.toString().lines().filter(l -> l.startsWith("#"))).hasSize(3);
  }

  @Test
  void markdown_shows_images_links_html_entities_emphasis_and_code_as_typed() {
    String text =
        "![](https://t.example/p.png)\n[click](https://t.example)\n<script>x</script>\n"
            + "&amp; *a* _b_ `c` ~d~";
    StringWriter out = new StringWriter();

    DailyExport.markdown(
        "R&D *core*",
        DAY,
        DAY,
        List.of(update("U0AAA1", DAY, text)),
        Map.of("U0AAA1", "<b>Avery</b>"),
        out);

    assertThat(out.toString())
        .startsWith("# Daily updates: R\\&D \\*core\\* from")
        .contains("### \\<b\\>Avery\\</b\\>\n")
        .contains(
            "- !\\[\\](https://t.example/p.png)\n"
                + "- \\[click\\](https://t.example)\n"
                + "- \\<script\\>x\\</script\\>\n"
                + "- \\&amp; \\*a\\* \\_b\\_ \\`c\\` \\~d\\~\n");
  }

  @Test
  void markdown_of_no_updates_says_so() {
    StringWriter out = new StringWriter();

    DailyExport.markdown("T", DAY, DAY, List.of(), Map.of(), out);

    assertThat(out.toString())
        .isEqualTo("# Daily updates: T from 2026-11-02 to 2026-11-02\n\nNo updates.\n");
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void team_updates_are_that_teams_only_oldest_first_within_the_range_inclusive(TestDb t) {
    try (Database db = t.open()) {
      DailyRepository repo = db.jdbi().onDemand(DailyRepository.class);
      for (int i = -1; i <= 7; i++) {
        LocalDate day = DAY.plusDays(i);
        post(repo, update("U0BBB2", day, "web " + i), "web");
        post(repo, update("U0AAA1", day, "web+api " + i), "web", "api");
        post(repo, update("U0CCC3", day, "api " + i), "api");
      }
      repo.save(update("U0DDD4", DAY, "never posted"));

      List<DailyUpdate> web = repo.teamUpdates("web", DAY, DAY.plusDays(6));

      assertThat(web).hasSize(14);
      assertThat(web.subList(0, 4))
          .extracting(DailyUpdate::yesterday)
          .containsExactly("web+api 0", "web 0", "web+api 1", "web 1");
      assertThat(web.get(13).yesterday()).isEqualTo("web 6");
      assertThat(repo.teamUpdates("api", DAY, DAY))
          .extracting(DailyUpdate::userId)
          .containsExactly("U0AAA1", "U0CCC3");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void names_come_from_the_profile_cache_with_the_user_id_as_fallback(TestDb t) {
    try (Database db = t.open()) {
      SlackUserRepository users = db.jdbi().onDemand(SlackUserRepository.class);
      users.saveProfile(new SlackUser("U0AAA1", "Avery Chen", "UTC", null, AT, null, false));
      users.saveProfile(new SlackUser("U0BBB2", " ", "UTC", null, AT, null, false));
      List<DailyUpdate> updates =
          List.of(
              update("U0AAA1", DAY, "a"), update("U0BBB2", DAY, "b"), update("U0CCC3", DAY, "c"));

      assertThat(DailyExport.names(users, updates))
          .containsExactly(
              Map.entry("U0AAA1", "Avery Chen"),
              Map.entry("U0BBB2", "U0BBB2"),
              Map.entry("U0CCC3", "U0CCC3"));
    }
  }

  static void post(DailyRepository repo, DailyUpdate update, String... teams) {
    repo.save(update);
    for (String team : teams) {
      repo.insertPost(
          new DailyPost(update.userId(), update.localDate(), team, "C0" + team, "1.0001"));
    }
  }
}
