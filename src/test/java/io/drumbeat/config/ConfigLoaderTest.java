package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void example_file_in_the_project_root_loads_with_its_values() {
    DrumbeatConfig config = loader.load(Path.of("drumbeat.example.yml"));

    assertThat(config.timezone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(config.fiscalYearStartMonth()).isEqualTo(2);
    assertThat(config.workdays())
        .containsExactly(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(config.holidays())
        .containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
    assertThat(config.admins()).containsExactly("U0ADMIN1");
    assertThat(config.teams())
        .containsExactly(
            new TeamConfig(
                "distribution",
                "Distribution",
                new ChannelRef("teams[0].channel", "#distributioneers"),
                List.of("U0AAA1", "U0BBB2"),
                LocalTime.of(9, 30),
                LocalTime.of(15, 0),
                Optional.of(WeeklyTime.parse("FRI 16:00"))));
    assertThat(config.okr())
        .isEqualTo(
            new OkrConfig(
                Optional.of(new ChannelRef("okr.channel", "#okrs")),
                new ChannelRef("okr.digestChannel", "#vp-sync"),
                WeeklyTime.parse("MON 08:00"),
                WeeklyTime.parse("FRI 14:00"),
                Optional.empty(),
                WeeklyTime.parse("MON 10:00"),
                List.of()));
    assertThat(config.retro())
        .isEqualTo(new RetroConfig(Optional.of(new ChannelRef("retro.channel", "#retros")), 3));
  }

  @Test
  void minimal_file_gets_every_default() {
    DrumbeatConfig config =
        loader.parse("timezone: Europe/Berlin\nokr:\n  digestChannel: C0DIGEST\n", "t.yml");

    assertThat(config.fiscalYearStartMonth()).isEqualTo(1);
    assertThat(config.workdays()).isEqualTo(RootSection.DEFAULT_WORKDAYS);
    assertThat(config.holidays()).isEmpty();
    assertThat(config.admins()).isEmpty();
    assertThat(config.teams()).isEmpty();
    assertThat(config.okr().channel()).isEmpty();
    assertThat(config.okr().digestAt()).hasToString("MON 08:00");
    assertThat(config.okr().reminderAt()).hasToString("FRI 14:00");
    assertThat(config.okr().scorecardChannel()).isEmpty();
    assertThat(config.okr().retroPrompt()).hasToString("MON 10:00");
    assertThat(config.retro()).isEqualTo(new RetroConfig(Optional.empty(), 3));
  }

  @Test
  void team_defaults_are_name_from_id_everyone_in_channel_and_0930_to_1500() {
    DrumbeatConfig config =
        loader.parse(
            "timezone: UTC\nokr: {digestChannel: '#vp'}\nteams:\n  - {id: core, channel: C0CORE}\n",
            "t.yml");

    assertThat(config.teams())
        .containsExactly(
            new TeamConfig(
                "core",
                "core",
                new ChannelRef("teams[0].channel", "C0CORE"),
                List.of(),
                LocalTime.of(9, 30),
                LocalTime.of(15, 0),
                java.util.Optional.empty()));
  }

  @Test
  void keys_written_without_a_value_take_their_defaults() {
    DrumbeatConfig config =
        loader.parse(
            "timezone: UTC\nworkdays:\nholidays:\nadmins:\nteams:\nretro:\n"
                + "okr:\n  digestChannel: '#vp'\n  digestAt:\n",
            "t.yml");

    assertThat(config.workdays()).hasSize(5);
    assertThat(config.teams()).isEmpty();
    assertThat(config.okr().digestAt()).isEqualTo(OkrSection.DEFAULT_DIGEST_AT);
  }

  @Test
  void holidays_may_be_quoted_or_plain_and_workdays_any_case() {
    DrumbeatConfig config =
        loader.parse(
            "timezone: UTC\nokr: {digestChannel: '#vp'}\nworkdays: [sun, Mon]\n"
                + "holidays:\n  - 2026-12-25\n  - '2027-01-01'\n",
            "t.yml");

    assertThat(config.workdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
    assertThat(config.holidays())
        .containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
  }

  @Test
  void loaded_collections_are_unmodifiable() {
    DrumbeatConfig config = loader.load(Path.of("drumbeat.example.yml"));

    assertThatThrownBy(() -> config.workdays().add(DayOfWeek.SUNDAY))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.holidays().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.admins().add("U0X"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.teams().get(0).members().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void missing_file_is_a_config_exception_naming_the_file(@TempDir Path dir) {
    Path file = dir.resolve("nope.yml");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": cannot read the file: no such file");
  }

  @Test
  void a_directory_is_an_unreadable_file(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir + ": cannot read the file: ");
  }

  @Test
  void file_errors_are_prefixed_with_the_file_path(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("drumbeat.yml"), "timezone: Mars/Olympus\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ": timezone: \"Mars/Olympus\" is not a time zone");
  }
}
