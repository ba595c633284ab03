package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrumbeatConfigTest {
  private static DrumbeatConfig load(String extra) {
    return new ConfigLoader()
        .parse(
            "timezone: America/Los_Angeles\nadmins: [U0ADMIN1]\n"
                + "okr: {digestChannel: C0VP, channel: '#okrs'}\n"
                + extra,
            "t.yml");
  }

  @Test
  void is_workday_is_false_on_weekends_and_holidays() {
    DrumbeatConfig config = load("holidays: [2026-12-25]\n");

    assertThat(config.isWorkday(LocalDate.of(2026, 12, 24))).isTrue(); // Thursday
    assertThat(config.isWorkday(LocalDate.of(2026, 12, 25))).isFalse(); // Friday, holiday
    assertThat(config.isWorkday(LocalDate.of(2026, 12, 26))).isFalse(); // Saturday
    assertThat(config.isWorkday(LocalDate.of(2026, 12, 28))).isTrue(); // Monday
  }

  @Test
  void is_workday_follows_custom_workdays() {
    DrumbeatConfig config = load("workdays: [SUN, MON, TUE, WED, THU]\nholidays: [2026-12-27]\n");

    assertThat(config.isWorkday(LocalDate.of(2026, 12, 20))).isTrue(); // Sunday
    assertThat(config.isWorkday(LocalDate.of(2026, 12, 27))).isFalse(); // Sunday, holiday
    assertThat(config.isWorkday(LocalDate.of(2026, 12, 25))).isFalse(); // Friday
  }

  @Test
  void is_admin_matches_listed_ids_exactly() {
    DrumbeatConfig config = load("");

    assertThat(config.isAdmin("U0ADMIN1")).isTrue();
    assertThat(config.isAdmin("u0admin1")).isFalse();
    assertThat(config.isAdmin("U0OTHER")).isFalse();
  }

  @Test
  void channels_lists_every_reference_with_its_key_path() {
    DrumbeatConfig config =
        load(
            "teams:\n  - {id: a, channel: C0A}\n  - {id: b, channel: '#b'}\n"
                + "retro: {channel: '#retros'}\n");

    assertThat(config.channels())
        .containsExactly(
            new ChannelRef("teams[0].channel", "C0A"),
            new ChannelRef("teams[1].channel", "#b"),
            new ChannelRef("okr.channel", "#okrs"),
            new ChannelRef("okr.digestChannel", "C0VP"),
            new ChannelRef("retro.channel", "#retros"));
  }

  @Test
  void channels_leaves_out_optional_channels_that_are_not_set() {
    DrumbeatConfig config =
        new ConfigLoader().parse("timezone: UTC\nokr: {digestChannel: C0VP}\n", "t.yml");

    assertThat(config.channels()).containsExactly(new ChannelRef("okr.digestChannel", "C0VP"));
  }

  @Test
  void constructor_copies_collections_so_later_changes_do_not_leak_in() {
    DrumbeatConfig loaded = load("");
    Set<DayOfWeek> days = new java.util.HashSet<>(Set.of(DayOfWeek.MONDAY));
    DrumbeatConfig config =
        new DrumbeatConfig(
            loaded.timezone(),
            1,
            days,
            Set.of(),
            loaded.admins(),
            loaded.teams(),
            loaded.okr(),
            loaded.retro());
    days.add(DayOfWeek.TUESDAY);

    assertThat(config.workdays()).containsExactly(DayOfWeek.MONDAY);
  }

  @Test
  void constructor_rejects_empty_workdays_and_bad_fiscal_month() {
    DrumbeatConfig c = load("");

    assertThatThrownBy(
            () ->
                new DrumbeatConfig(
                    c.timezone(), 1, Set.of(), Set.of(), c.admins(), c.teams(), c.okr(), c.retro()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DrumbeatConfig(
                    c.timezone(),
                    13,
                    c.workdays(),
                    Set.of(),
                    c.admins(),
                    c.teams(),
                    c.okr(),
                    c.retro()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
