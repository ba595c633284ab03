package io.drumbeat.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drumbeat.DrumbeatException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of {@code /daily-update history} arguments and the query's round trip. */
class DailyHistoryParseTest {
  static final LocalDate TODAY = LocalDate.parse("2026-11-20");

  static HistoryQuery parse(String args) {
    return DailyHistory.parse(args, "U0CALLER", TODAY);
  }

  @Test
  void no_arguments_mean_the_caller_today_and_the_six_days_before() {
    HistoryQuery q = parse("");

    assertThat(q).isEqualTo(new HistoryQuery("U0CALLER", TODAY.minusDays(6), TODAY));
    assertThat(DailyHistory.parse(null, "U0CALLER", TODAY)).isEqualTo(q);
    assertThat(parse("   ")).isEqualTo(q);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"<@U0AAA1|avery>", "<@U0AAA1>", "  <@U0AAA1|avery.chen>  ", "<@U0AAA1|a b>"})
  void a_mention_escaped_by_slack_selects_that_member(String args) {
    assertThat(parse(args)).isEqualTo(new HistoryQuery("U0AAA1", TODAY.minusDays(6), TODAY));
  }

  @Test
  void one_date_is_from_and_today_is_to() {
    assertThat(parse("2026-11-01"))
        .isEqualTo(new HistoryQuery("U0CALLER", LocalDate.parse("2026-11-01"), TODAY));
  }

  @Test
  void two_dates_are_from_and_to_and_may_follow_a_member() {
    assertThat(parse("<@W0BBB2|sam> 2026-10-01 2026-10-31"))
        .isEqualTo(
            new HistoryQuery(
                "W0BBB2", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")));
    assertThat(parse("2026-11-20 2026-11-20"))
        .isEqualTo(new HistoryQuery("U0CALLER", TODAY, TODAY));
  }

  @Test
  void a_range_of_exactly_366_days_is_accepted() {
    HistoryQuery q = parse("2025-11-20 2026-11-20");

    assertThat(q.from()).isEqualTo(LocalDate.parse("2025-11-20"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "2026-11-05 2026-11-01; 2026-11-05 is after 2026-11-01",
        "2026-11-21; 2026-11-21 is after 2026-11-20",
        "2026-02-30; `2026-02-30` is not a date",
        "2026-13-01 2026-12-01; `2026-13-01` is not a date",
        "2025-11-19 2026-11-20; 367 days",
        "2026-11-01 2026-11-02 2026-11-03; at most two dates",
        "<@U0AAA1> <@U0BBB2>; at most one member",
        "yesterday; I don't understand `yesterday`",
        "@avery; I don't understand `@avery`",
        "<!here>; I don't understand `@here`",
        "'R&amp;D'; I don't understand `R&D`",
        "'&lt;@U0AAA1&gt;'; I don't understand `<@U0AAA1>`",
        "11/01/2026; I don't understand `11/01/2026`"
      })
  void a_bad_argument_is_explained_on_one_line_with_the_usage(String args, String problem) {
    assertThatThrownBy(() -> parse(args))
        .isInstanceOf(DrumbeatException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining("Usage: `/daily-update history [@member] [FROM] [TO]`")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void a_query_survives_a_round_trip_through_a_button_value() {
    HistoryQuery q =
        new HistoryQuery("U0AAA1", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
    DailyHistory.PageRef ref = new DailyHistory.PageRef(q, 12);

    assertThat(HistoryQuery.decode(q.encode())).isEqualTo(q);
    assertThat(DailyHistory.PageRef.decode(ref.encode())).isEqualTo(ref);
    assertThat(ref.encode()).hasSizeLessThanOrEqualTo(2000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "U0AAA1:2026-01-01",
        "u0aaa1:2026-01-01:2026-01-02",
        "U0AAA1:2026-01-01:tomorrow",
        "U0AAA1:2026-02-01:2026-01-01",
        "U0AAA1:2020-01-01:2026-01-01"
      })
  void a_forged_button_value_is_refused(String value) {
    assertThatThrownBy(() -> HistoryQuery.decode(value)).isInstanceOf(DrumbeatException.class);
    assertThatThrownBy(() -> DailyHistory.PageRef.decode(value + "#1"))
        .isInstanceOf(DrumbeatException.class);
    assertThatThrownBy(() -> DailyHistory.PageRef.decode("U0AAA1:2026-01-01:2026-01-02#x"))
        .isInstanceOf(DrumbeatException.class);
  }
}
