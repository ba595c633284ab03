package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code calendar} list and {@code okr.approvers} of {@code drumbeat.yml}. */
class CalendarValidationTest {
  private static final String BASE = "timezone: UTC\nokr: {digestChannel: C0VP}\n";

  private static List<String> problems(String body) {
    return catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(BASE + body, "drumbeat.yml"))
        .problems();
  }

  @Test
  void a_calendar_entry_is_read_with_its_defaults() {
    DrumbeatConfig config =
        new ConfigLoader()
            .parse(
                BASE
                    + "calendar:\n"
                    + "  - {week: 7, day: mon, at: \"10:00\", channel: \"#vp-sync\", text: Gather"
                    + " input}\n"
                    + "  - {week: 1, day: MON, at: \"09:00\", channel: C0ALL, text: Kick off,"
                    + " mention: [U0VPE], next: true}\n",
                "drumbeat.yml");

    assertThat(config.calendar())
        .containsExactly(
            new CalendarEntry(
                7,
                DayOfWeek.MONDAY,
                LocalTime.of(10, 0),
                new ChannelRef("calendar[0].channel", "#vp-sync"),
                "Gather input",
                List.of(),
                false),
            new CalendarEntry(
                1,
                DayOfWeek.MONDAY,
                LocalTime.of(9, 0),
                new ChannelRef("calendar[1].channel", "C0ALL"),
                "Kick off",
                List.of("U0VPE"),
                true));
    assertThat(config.channels()).extracting(ChannelRef::keyPath).contains("calendar[1].channel");
  }

  @Test
  void the_example_file_ships_the_handbooks_quarterly_planning_calendar() {
    DrumbeatConfig config = new ConfigLoader().load(Path.of("drumbeat.example.yml"));

    assertThat(config.calendar())
        .extracting(e -> e.week() + (e.next() ? " next" : ""))
        .containsExactly("7", "8", "9", "10", "12", "13", "1 next");
    assertThat(config.calendar())
        .allSatisfy(e -> assertThat(e.text()).startsWith("Week " + e.week() + ":"));
  }

  @Test
  void each_bad_calendar_value_is_an_error_naming_its_key_path() {
    assertThat(
            problems(
                "calendar:\n"
                    + "  - {week: 15, day: Monday, at: \"9:00\", channel: vp, text: \" \","
                    + " mention: [alice], next: sometimes, when: soon}\n"
                    + "  - {day: MON, at: \"10:00\", channel: C0VP}\n"))
        .containsExactlyInAnyOrder(
            "calendar[0].when: unknown key (expected one of: week, day, at, channel, text,"
                + " mention, next)",
            "calendar[0].week: 15 is out of range (expected 1 to 14)",
            "calendar[0].day: \"Monday\" is not a day (use MON, TUE, WED, THU, FRI, SAT or SUN)",
            "calendar[0].at: \"9:00\" is not a time (use 24-hour HH:mm, e.g. 09:30)",
            "calendar[0].channel: \"vp\" is not a channel (use a channel id like C0123ABCD or"
                + " #name)",
            "calendar[0].text: must not be blank",
            "calendar[0].mention[0]: \"alice\" is not a Slack user id (like U0123ABCD; in Slack:"
                + " profile > More > Copy member ID)",
            "calendar[0].next: expected true or false, got text \"sometimes\"",
            "calendar[1].week: missing (the week of the quarter, 1 to 14)",
            "calendar[1].text: missing");
  }

  @Test
  void approvers_must_be_slack_user_ids_and_default_to_the_admins() {
    assertThat(
            catchThrowableOfType(
                    ConfigException.class,
                    () ->
                        new ConfigLoader()
                            .parse(
                                "timezone: UTC\nokr: {digestChannel: C0VP, approvers: [vpe]}\n",
                                "drumbeat.yml"))
                .problems())
        .containsExactly(
            "okr.approvers[0]: \"vpe\" is not a Slack user id (like U0123ABCD; in Slack: profile"
                + " > More > Copy member ID)");
    String admins = "timezone: UTC\nadmins: [U0ADM]\n";
    assertThat(
            new ConfigLoader()
                .parse(admins + "okr: {digestChannel: C0VP}\n", "drumbeat.yml")
                .okrApprovers())
        .containsExactly("U0ADM");
    assertThat(
            new ConfigLoader()
                .parse(admins + "okr: {digestChannel: C0VP, approvers: [U0VPE]}\n", "drumbeat.yml")
                .okrApprovers())
        .containsExactly("U0VPE");
  }
}
