package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeamValidationTest {
  private static List<String> problems(String teams) {
    String yaml = "timezone: UTC\nokr: {digestChannel: '#vp'}\nteams:\n" + teams;
    return catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(yaml, "drumbeat.yml"))
        .problems();
  }

  @Test
  void team_id_and_channel_are_required() {
    assertThat(problems("  - name: Core\n"))
        .containsExactly(
            "teams[0].id: missing",
            "teams[0].channel: missing (a channel id like C0123ABCD or \"#name\")");
  }

  @Test
  void team_id_must_be_lowercase_slug() {
    assertThat(problems("  - {id: Distribution, channel: C0A}\n"))
        .containsExactly(
            "teams[0].id: \"Distribution\" is not a team id (use 1-40 lowercase letters, digits"
                + " and -, starting with a letter or digit)");
  }

  @Test
  void team_ids_must_be_unique() {
    assertThat(problems("  - {id: core, channel: C0A}\n  - {id: core, channel: C0B}\n"))
        .containsExactly("teams[1].id: \"core\" is already the id of teams[0]");
  }

  @Test
  void daily_times_must_be_24_hour_hh_mm() {
    assertThat(
            problems(
                "  - {id: a, channel: C0A}\n"
                    + "  - {id: b, channel: C0B, dailyPrompt: '9:30', dailyReminder: 3pm}\n"))
        .containsExactly(
            "teams[1].dailyPrompt: \"9:30\" is not a time (use 24-hour HH:mm, e.g. 09:30)",
            "teams[1].dailyReminder: \"3pm\" is not a time (use 24-hour HH:mm, e.g. 09:30)");
  }

  @Test
  void daily_reminder_must_be_after_the_prompt_even_when_defaulted() {
    assertThat(
            problems(
                "  - {id: a, channel: C0A, dailyPrompt: '10:00', dailyReminder: '10:00'}\n"
                    + "  - {id: b, channel: C0B, dailyPrompt: '16:00'}\n"))
        .containsExactly(
            "teams[0].dailyReminder: 10:00 must be after dailyPrompt 10:00",
            "teams[1].dailyReminder: 15:00 (the default) must be after dailyPrompt 16:00");
  }

  @Test
  void members_must_be_slack_user_ids_naming_the_index() {
    assertThat(problems("  - {id: a, channel: C0A, members: [U0AAA1, '@ann', W0BBB2, u0ccc3]}\n"))
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).contains("is not a Slack user id"))
        .anySatisfy(p -> assertThat(p).startsWith("teams[0].members[1]: \"@ann\""))
        .anySatisfy(p -> assertThat(p).startsWith("teams[0].members[3]: \"u0ccc3\""));
  }

  @Test
  void team_name_must_not_be_blank() {
    assertThat(problems("  - {id: a, name: ' ', channel: C0A}\n"))
        .containsExactly("teams[0].name: must not be blank (leave it out to use the id)");
  }

  @Test
  void an_empty_team_entry_is_an_error() {
    assertThat(problems("  -\n"))
        .containsExactly("teams[0]: empty (a team needs at least id and channel)");
  }

  @Test
  void teams_must_be_a_list_of_mappings() {
    assertThat(problems("  core: {channel: C0A}\n"))
        .containsExactly("teams: expected a list (like [A, B] or \"- A\" lines), got a mapping");
  }
}
