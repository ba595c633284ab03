package io.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import io.drumbeat.store.Database;
import io.drumbeat.store.TestDb;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OkrImporterTest {
  static final String Q = "FY2027-Q4";

  /** Two objectives, three KRs; {@code kr11} replaces KR1.1's lines (indented 6 spaces). */
  static String file(String kr11) {
    return """
        quarter: FY2027-Q4
        objectives:
          - key: O1
            title: Search is fast
            keyResults:
        %s      - key: KR1.2
                title: New index
                owner: U0BBB2
          - key: O2
            title: Upgrades
            keyResults:
              - key: KR2.1
                title: Self-serve upgrades
                owner: U0BBB2
                target: 120
        """
        .formatted(kr11);
  }

  static final String KR11 =
      """
            - key: KR1.1
              title: p99 under 500 ms
              owner: U0AAA1
              start: 1200
              target: 500
              unit: ms
      """;

  /** A valid file whose single KR has {@code extra} lines (indented 8 spaces). */
  static String oneKr(String extra) {
    return """
        quarter: FY2027-Q4
        objectives:
          - key: O1
            title: T
            keyResults:
              - key: KR1
                title: A
                owner: U0AAA1
        """
        + extra;
  }

  static CheckIn checkIn(CheckInStatus status, String value, String note) {
    Instant at = Instant.parse("2026-11-20T22:00:00Z");
    return new CheckIn(
        Q, "KR1.1", "2026-W47", status, new BigDecimal(value), 6, note, "U0AAA1", at, null, null);
  }

  static DrumbeatException failure(String text) {
    // Validation happens before any database access: the importer needs no database here.
    OkrImporter importer = new OkrImporter(null);
    try {
      importer.importText(text, "okrs.yml");
    } catch (DrumbeatException e) {
      return e;
    }
    throw new AssertionError("expected the import to fail");
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_example_file_imports(TestDb t) {
    try (Database db = t.open()) {
      OkrImporter.Report report =
          new OkrImporter(db.jdbi()).importFile(Path.of("okrs.example.yml"));

      assertThat(report)
          .isEqualTo(new OkrImporter.Report(Quarter.parse(Q), 2, 4, 0, java.util.List.of()));
      OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);
      assertThat(repo.objectives(Q))
          .extracting(Objective::objectiveKey)
          .containsExactly("O1", "O2");
      assertThat(repo.keyResults(Q))
          .extracting(KeyResult::krKey)
          .containsExactly("KR1.1", "KR1.2", "KR2.1", "KR2.2");
      KeyResult kr11 = repo.keyResult(Q, "KR1.1").orElseThrow();
      assertThat(kr11.ownerId()).isEqualTo("U0AAA1");
      assertThat(kr11.startValue()).isEqualByComparingTo("1200");
      assertThat(kr11.targetValue()).isEqualByComparingTo("500");
      assertThat(kr11.unit()).isEqualTo("ms");
      KeyResult kr22 = repo.keyResult(Q, "KR2.2").orElseThrow();
      assertThat(kr22.isMeasured()).isFalse();
      assertThat(kr22.unit()).isNull();
      assertThat(repo.owners(Q)).containsExactly("U0AAA1", "U0BBB2", "U0CCC3");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void importing_again_updates_title_owner_and_target_and_keeps_check_ins(TestDb t) {
    try (Database db = t.open()) {
      OkrImporter importer = new OkrImporter(db.jdbi());
      OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);
      importer.importText(file(KR11), "okrs.yml");
      CheckIn checkIn = checkIn(CheckInStatus.AT_RISK, "900", "slow");
      repo.saveCheckIn(checkIn);

      String changed =
          KR11.replace("p99 under 500 ms", "p99 under 400 ms")
              .replace("U0AAA1", "U0CCC3")
              .replace("target: 500", "target: 400");
      OkrImporter.Report report = importer.importText(file(changed), "okrs.yml");

      assertThat(report.added()).isZero();
      assertThat(report.updated()).isEqualTo(3);
      assertThat(report.kept()).isEmpty();
      KeyResult kr = repo.keyResult(Q, "KR1.1").orElseThrow();
      assertThat(kr.title()).isEqualTo("p99 under 400 ms");
      assertThat(kr.ownerId()).isEqualTo("U0CCC3");
      assertThat(kr.targetValue()).isEqualByComparingTo("400");
      assertThat(repo.history(Q, "KR1.1"))
          .usingRecursiveFieldByFieldElementComparator(
              RecursiveComparisonConfiguration.builder()
                  .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                  .build())
          .containsExactly(checkIn);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_key_result_dropped_from_the_file_is_kept_with_its_check_ins_and_reported(TestDb t) {
    try (Database db = t.open()) {
      OkrImporter importer = new OkrImporter(db.jdbi());
      OkrRepository repo = db.jdbi().onDemand(OkrRepository.class);
      importer.importText(file(KR11), "okrs.yml");
      repo.saveCheckIn(checkIn(CheckInStatus.DONE, "450", null));

      OkrImporter.Report report = importer.importText(file(""), "okrs.yml");

      assertThat(report.kept()).containsExactly("KR1.1");
      assertThat(report.updated()).isEqualTo(2);
      assertThat(repo.keyResult(Q, "KR1.1")).isPresent();
      assertThat(repo.history(Q, "KR1.1")).hasSize(1);
    }
  }

  @Test
  void an_unknown_key_is_named_by_its_key_path() {
    assertThat(failure(oneKr("        colour: red\n")))
        .hasMessage("okrs.yml: objectives[0].keyResults[0].colour: unknown key");
  }

  @Test
  void a_missing_owner_is_named_by_its_key_path() {
    String text = oneKr("").replace("        owner: U0AAA1\n", "");

    assertThat(failure(text))
        .hasMessage("okrs.yml: objectives[0].keyResults[0]: missing required key 'owner'");
  }

  @Test
  void an_owner_that_is_not_a_slack_member_id_is_named_with_its_value() {
    assertThat(failure(oneKr("").replace("U0AAA1", "alice")))
        .hasMessage(
            "okrs.yml: objectives[0].keyResults[0].owner: \"alice\" is not a Slack user id like"
                + " U0AAA1 (in Slack: profile → ⋮ → Copy member ID)");
  }

  @Test
  void a_key_result_key_used_in_two_objectives_is_reported_at_the_second() {
    String text = file(KR11).replace("key: KR2.1", "key: KR1.1");

    assertThat(failure(text))
        .hasMessage("okrs.yml: objectives[1].keyResults[0].key: \"KR1.1\" is used twice");
  }

  @Test
  void a_quarter_without_the_fiscal_year_prefix_is_rejected() {
    assertThat(failure(oneKr("").replace("FY2027-Q4", "2027-Q1")))
        .hasMessage("okrs.yml: quarter: \"2027-Q1\" is not a quarter like FY2027-Q1");
  }

  @Test
  void a_yaml_syntax_error_names_the_line() {
    DrumbeatException e = failure("quarter: FY2027-Q4\n  objectives: x\n");

    assertThat(e.getMessage())
        .startsWith("okrs.yml: line 2, column 13: mapping values are not allowed here")
        .contains("line");
  }

  @Test
  void a_non_numeric_target_names_the_key_path() {
    assertThat(failure(oneKr("        target: lots\n")))
        .hasMessage("okrs.yml: objectives[0].keyResults[0].target: \"lots\" is not a number");
  }

  @Test
  void every_problem_of_a_file_is_reported_one_per_line() {
    String text =
        oneKr("        start: 5\n")
            .replace("key: O1", "key: O 1")
            .replace("title: A", "title: ''")
            .replace("U0AAA1", "u0aaa1");

    assertThat(failure(text).getMessage().split("\n"))
        .containsExactly(
            "okrs.yml: objectives[0].key: \"O 1\" must be 1-64 letters, digits, '.', '_' or '-'",
            "okrs.yml: objectives[0].keyResults[0].title: must not be empty",
            "okrs.yml: objectives[0].keyResults[0].owner: \"u0aaa1\" is not a Slack user id like"
                + " U0AAA1 (in Slack: profile → ⋮ → Copy member ID)",
            "okrs.yml: objectives[0].keyResults[0].target: missing (a start value needs a target)");
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void values_beyond_the_columns_bounds_are_named_by_key_path_before_the_database_sees_them(
      TestDb t) {
    String text =
        file(KR11.replace("start: 1200", "start: 12345678901234567")
                .replace("target: 500", "target: 0.12345"))
            .replace("target: 120", "target: 1e30");
    try (Database db = t.open()) {
      assertThatThrownBy(() -> new OkrImporter(db.jdbi()).importText(text, "okrs.yml"))
          .isInstanceOf(DrumbeatException.class)
          .hasMessage(
              String.join(
                  "\n",
                  "okrs.yml: objectives[0].keyResults[0].start: 12345678901234567 is too large"
                      + " (at most 16 digits before the point and 4 after)",
                  "okrs.yml: objectives[0].keyResults[0].target: 0.12345 has too many digits after"
                      + " the point (at most 16 digits before the point and 4 after)",
                  "okrs.yml: objectives[1].keyResults[0].target: 1E+30 is too large (at most 16"
                      + " digits before the point and 4 after)"));
      assertThat(db.jdbi().onDemand(OkrRepository.class).keyResults(Q)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void the_largest_and_finest_values_the_columns_hold_import_exactly(TestDb t) {
    String text =
        file(
            KR11.replace("start: 1200", "start: -9999999999999999.9999")
                .replace("target: 500", "target: 9999999999999999.9999"));
    try (Database db = t.open()) {
      new OkrImporter(db.jdbi()).importText(text, "okrs.yml");

      KeyResult kr = db.jdbi().onDemand(OkrRepository.class).keyResult(Q, "KR1.1").orElseThrow();
      assertThat(kr.startValue()).isEqualByComparingTo("-9999999999999999.9999");
      assertThat(kr.targetValue()).isEqualByComparingTo("9999999999999999.9999");
    }
  }

  @Test
  void a_missing_file_is_named() {
    assertThatThrownBy(() -> new OkrImporter(null).importFile(Path.of("no-such-okrs.yml")))
        .isInstanceOf(DrumbeatException.class)
        .hasMessage("no-such-okrs.yml: no such file");
  }
}
