package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class OkrAndRetroValidationTest {
  private static List<String> problems(String body) {
    String yaml = "timezone: UTC\n" + body;
    return catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(yaml, "drumbeat.yml"))
        .problems();
  }

  @Test
  void missing_okr_section_is_an_error_naming_its_required_key() {
    assertThat(problems("retro: {votesPerPerson: 3}\n"))
        .containsExactly("okr: missing (required: digestChannel)");
  }

  @Test
  void channel_values_must_be_ids_or_hash_names() {
    assertThat(problems("okr:\n  channel: okrs\n  digestChannel: vp sync\n"))
        .containsExactly(
            "okr.channel: \"okrs\" is not a channel (use a channel id like C0123ABCD or #name)",
            "okr.digestChannel: \"vp sync\" is not a channel (use a channel id like C0123ABCD or"
                + " #name)");
  }

  @Test
  void uppercase_channel_names_are_not_slack_names() {
    assertThat(problems("okr: {digestChannel: '#VP-Sync'}\n"))
        .containsExactly(
            "okr.digestChannel: \"#VP-Sync\" is not a channel (use a channel id like C0123ABCD or"
                + " #name)");
  }

  @Test
  void unquoted_hash_channel_is_a_comment_and_reported_as_empty() {
    assertThat(problems("okr:\n  channel: #okrs\n  digestChannel: C0VP\n"))
        .containsExactly(
            "okr.channel: empty (write a channel id like C0123ABCD, or \"#name\" in quotes: an"
                + " unquoted # starts a YAML comment)");
  }

  @Test
  void weekly_times_must_be_day_and_24_hour_time() {
    assertThat(problems("okr:\n  digestChannel: C0VP\n  digestAt: Monday 8am\n  reminderAt: FRI\n"))
        .hasSize(2)
        .anySatisfy(
            p -> assertThat(p).startsWith("okr.digestAt: \"Monday 8am\" is not a weekly time"))
        .anySatisfy(p -> assertThat(p).startsWith("okr.reminderAt: \"FRI\" is not a weekly time"));
  }

  @Test
  void votes_per_person_must_be_1_to_20() {
    assertThat(problems("okr: {digestChannel: C0VP}\nretro: {votesPerPerson: 0}\n"))
        .containsExactly("retro.votesPerPerson: 0 is out of range (expected 1 to 20)");
    assertThat(problems("okr: {digestChannel: C0VP}\nretro: {votesPerPerson: three}\n"))
        .containsExactly(
            "retro.votesPerPerson: expected a whole number from 1 to 20, got text \"three\"");
  }

  @Test
  void several_problems_across_sections_are_reported_together_in_file_order() {
    String yaml =
        "timezone: Mars/Olympus\n"
            + "fiscalYearStartMonth: 0\n"
            + "holidays: [2026-12-32]\n"
            + "teams:\n"
            + "  - {id: a, channel: C0A}\n"
            + "  - {id: b, channel: '#b', dailyPrompt: '25:00'}\n"
            + "okr: {digestChannel: '#vp', digestAt: 'MON 8:00'}\n"
            + "retro: {votesPerPerson: 21, chanel: '#r'}\n";
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(yaml, "drumbeat.yml"));

    assertThat(e.problems())
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly(
            "timezone",
            "fiscalYearStartMonth",
            "holidays[0]",
            "teams[1].dailyPrompt",
            "okr.digestAt",
            "retro.chanel",
            "retro.votesPerPerson");
    assertThat(e.getMessage().lines())
        .hasSize(7)
        .allSatisfy(line -> assertThat(line).startsWith("drumbeat.yml: "));
  }
}
