package io.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeeklyTimeTest {
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

  @Test
  void parse_reads_day_case_insensitively_and_24_hour_time() {
    assertThat(WeeklyTime.parse("MON 08:00"))
        .isEqualTo(new WeeklyTime(DayOfWeek.MONDAY, LocalTime.of(8, 0)));
    assertThat(WeeklyTime.parse(" fri  14:00 "))
        .isEqualTo(new WeeklyTime(DayOfWeek.FRIDAY, LocalTime.of(14, 0)));
    assertThat(WeeklyTime.parse("Sun 23:59"))
        .isEqualTo(new WeeklyTime(DayOfWeek.SUNDAY, LocalTime.of(23, 59)));
  }

  @Test
  void to_string_is_the_canonical_form_that_parses_back() {
    WeeklyTime time = WeeklyTime.parse("wed 07:05");

    assertThat(time).hasToString("WED 07:05");
    assertThat(WeeklyTime.parse(time.toString())).isEqualTo(time);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MON", "MON 8:00", "MON 24:00", "MONDAY 08:00", "MON 08:00 UTC"})
  void parse_rejects_other_forms_with_a_message_quoting_the_value(String text) {
    assertThatThrownBy(() -> WeeklyTime.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "\""
                + text
                + "\" is not a weekly time (use DAY HH:mm with DAY one of MON, TUE, WED, THU,"
                + " FRI, SAT, SUN and a 24-hour time, e.g. MON 08:00)");
  }

  @Test
  void a_time_with_seconds_is_rejected() {
    assertThatThrownBy(() -> new WeeklyTime(DayOfWeek.MONDAY, LocalTime.of(8, 0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void in_uses_standard_time_after_dst_ends_in_los_angeles() {
    // DST ends Sunday 2026-11-01; 2026-W45 starts Monday 2026-11-02 (PST, UTC-8).
    ZonedDateTime digest = WeeklyTime.parse("MON 08:00").in(LocalDate.of(2026, 11, 4), LOS_ANGELES);

    assertThat(digest.toInstant()).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
  }

  @Test
  void in_uses_daylight_time_before_dst_ends_in_los_angeles() {
    // 2026-W44 is Mon 2026-10-26 .. Sun 2026-11-01; Friday Oct 30 is still PDT (UTC-7).
    WeeklyTime reminder = WeeklyTime.parse("FRI 14:00");

    assertThat(reminder.in(LocalDate.of(2026, 11, 1), LOS_ANGELES).toInstant())
        .isEqualTo(Instant.parse("2026-10-30T21:00:00Z"));
    assertThat(reminder.in(LocalDate.of(2026, 10, 26), LOS_ANGELES).toInstant())
        .isEqualTo(Instant.parse("2026-10-30T21:00:00Z"));
  }

  @Test
  void in_follows_auckland_dst_start_in_september() {
    // NZ DST starts Sunday 2026-09-27 02:00 -> 03:00 (UTC+12 -> UTC+13).
    WeeklyTime monday = WeeklyTime.parse("MON 08:00");

    assertThat(monday.in(LocalDate.of(2026, 9, 27), AUCKLAND).toInstant())
        .isEqualTo(Instant.parse("2026-09-20T20:00:00Z"));
    assertThat(monday.in(LocalDate.of(2026, 9, 28), AUCKLAND).toInstant())
        .isEqualTo(Instant.parse("2026-09-27T19:00:00Z"));
  }

  @Test
  void a_time_in_the_dst_gap_moves_forward_by_the_gap() {
    ZonedDateTime inGap = WeeklyTime.parse("SUN 02:30").in(LocalDate.of(2026, 9, 21), AUCKLAND);

    assertThat(inGap.toLocalDateTime()).hasToString("2026-09-27T03:30");
    assertThat(inGap.toInstant()).isEqualTo(Instant.parse("2026-09-26T14:30:00Z"));
  }

  @Test
  void a_time_in_the_dst_overlap_takes_the_earlier_offset() {
    // NZ DST ends Sunday 2026-04-05 03:00 -> 02:00; 02:30 happens twice.
    ZonedDateTime overlap = WeeklyTime.parse("SUN 02:30").in(LocalDate.of(2026, 3, 30), AUCKLAND);

    assertThat(overlap.getOffset().getTotalSeconds()).isEqualTo(13 * 3600);
  }

  @Test
  void in_treats_monday_as_the_first_day_of_the_week() {
    WeeklyTime sunday = WeeklyTime.parse("SUN 09:00");

    assertThat(sunday.in(LocalDate.of(2026, 11, 2), ZoneId.of("UTC")).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 11, 8));
    assertThat(sunday.in(LocalDate.of(2026, 11, 8), ZoneId.of("UTC")).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 11, 8));
  }
}
