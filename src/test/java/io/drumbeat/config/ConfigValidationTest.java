package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {
  private static final String VALID_OKR = "okr:\n  digestChannel: '#vp-sync'\n";

  /** The problems of a file that is valid apart from {@code body}, given after timezone/okr. */
  private static List<String> problems(String body) {
    return problemsOfWholeFile("timezone: UTC\n" + VALID_OKR + body);
  }

  private static List<String> problemsOfWholeFile(String yaml) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(yaml, "drumbeat.yml"));
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e.problems();
  }

  @Test
  void unknown_key_is_an_error_naming_its_path() {
    assertThat(problemsOfWholeFile("timezone: UTC\nokr:\n  digestChanel: '#vp'\n"))
        .containsExactly(
            "okr.digestChanel: unknown key (expected one of: channel, digestChannel, digestAt,"
                + " reminderAt, scorecardChannel, retroPrompt, approvers)",
            "okr.digestChannel: missing (a channel id like C0123ABCD or \"#name\")");
  }

  @Test
  void unknown_keys_are_reported_at_the_top_level_and_inside_teams() {
    assertThat(problems("timzone: UTC\nteams:\n  - {id: a, channel: C0A, prompt: '09:00'}\n"))
        .containsExactly(
            "timzone: unknown key (expected one of: timezone, fiscalYearStartMonth, workdays,"
                + " holidays, admins, teams, okr, retro, calendar, daily, monthly)",
            "teams[0].prompt: unknown key (expected one of: id, name, channel, members,"
                + " dailyPrompt, dailyReminder, digestAt)");
  }

  @Test
  void timezone_must_be_an_iana_zone() {
    assertThat(problemsOfWholeFile("timezone: Mars/Olympus\n" + VALID_OKR))
        .containsExactly(
            "timezone: \"Mars/Olympus\" is not a time zone (use an IANA name like"
                + " America/Los_Angeles)");
  }

  @Test
  void timezone_is_required() {
    assertThat(problemsOfWholeFile(VALID_OKR)).containsExactly("timezone: missing");
  }

  @Test
  void fiscal_year_start_month_must_be_a_whole_number_from_1_to_12() {
    assertThat(problems("fiscalYearStartMonth: 13\n"))
        .containsExactly("fiscalYearStartMonth: 13 is out of range (expected 1 to 12)");
    assertThat(problems("fiscalYearStartMonth: '2'\n"))
        .containsExactly(
            "fiscalYearStartMonth: expected a whole number from 1 to 12, got text \"2\"");
    assertThat(problems("fiscalYearStartMonth: 2.5\n"))
        .containsExactly(
            "fiscalYearStartMonth: expected a whole number from 1 to 12, got the number 2.5");
  }

  @Test
  void workdays_must_be_known_days_without_duplicates() {
    assertThat(problems("workdays: [MON, Monday, TUE, mon]\n"))
        .containsExactly(
            "workdays[1]: \"Monday\" is not a day (use MON, TUE, WED, THU, FRI, SAT or SUN)",
            "workdays[3]: MON is listed twice");
  }

  @Test
  void workdays_must_not_be_empty() {
    assertThat(problems("workdays: []\n")).containsExactly("workdays: must list at least one day");
  }

  @Test
  void holidays_must_be_iso_dates_naming_the_index() {
    assertThat(problems("holidays: [2026-12-25, 2026-13-01, 12/25/2026, 2026-02-30]\n"))
        .containsExactly(
            "holidays[1]: \"2026-13-01\" is not a date (use YYYY-MM-DD)",
            "holidays[2]: \"12/25/2026\" is not a date (use YYYY-MM-DD)",
            "holidays[3]: \"2026-02-30\" is not a date (use YYYY-MM-DD)");
  }

  @Test
  void admins_must_be_slack_user_ids_naming_the_index() {
    assertThat(problems("admins: [U0ADMIN1, bob]\n"))
        .containsExactly(
            "admins[1]: \"bob\" is not a Slack user id (like U0123ABCD; in Slack: profile >"
                + " More > Copy member ID)");
  }

  @Test
  void a_string_where_a_list_is_expected_names_key_and_type() {
    assertThat(problems("admins: U0ADMIN1\n"))
        .containsExactly(
            "admins: expected a list (like [A, B] or \"- A\" lines), got text \"U0ADMIN1\"");
  }

  @Test
  void a_list_where_text_is_expected_names_key_and_type() {
    assertThat(problemsOfWholeFile("timezone: [UTC]\n" + VALID_OKR))
        .containsExactly("timezone: expected text, got a list");
  }

  @Test
  void a_yaml_boolean_where_text_is_expected_explains_yaml_booleans() {
    assertThat(problems("workdays: [MON, no]\n"))
        .containsExactly(
            "workdays[1]: expected text, got the boolean false (YAML reads yes/no/on/off as"
                + " booleans)");
  }

  @Test
  void a_section_that_is_not_a_mapping_names_its_key() {
    assertThat(problems("retro: '#retros'\n"))
        .containsExactly("retro: expected a mapping (key: value lines), got text \"#retros\"");
  }
}
