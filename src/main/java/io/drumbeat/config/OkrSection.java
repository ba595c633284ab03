package io.drumbeat.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Reads the {@code okr} section of {@code drumbeat.yml}. */
final class OkrSection {
  static final List<String> KEYS =
      List.of(
          "channel",
          "digestChannel",
          "digestAt",
          "reminderAt",
          "scorecardChannel",
          "retroPrompt",
          "approvers");
  static final WeeklyTime DEFAULT_DIGEST_AT = new WeeklyTime(DayOfWeek.MONDAY, LocalTime.of(8, 0));
  static final WeeklyTime DEFAULT_REMINDER_AT =
      new WeeklyTime(DayOfWeek.FRIDAY, LocalTime.of(14, 0));

  private OkrSection() {}

  /**
   * Reads the section, which this version requires.
   *
   * @return the section, or null if any problem was recorded
   */
  static OkrConfig read(Node okr) {
    if (okr.isAbsent()) {
      okr.problem("missing (required: digestChannel)");
      return null;
    }
    if (!okr.isMapping(KEYS)) {
      return null;
    }
    int before = okr.problemCount();
    Optional<ChannelRef> channel = okr.get("channel").channel(false);
    Optional<ChannelRef> digestChannel = okr.get("digestChannel").channel(true);
    Optional<WeeklyTime> digestAt = okr.get("digestAt").text(WeeklyTime::parse, DEFAULT_DIGEST_AT);
    Optional<WeeklyTime> reminderAt =
        okr.get("reminderAt").text(WeeklyTime::parse, DEFAULT_REMINDER_AT);
    Optional<ChannelRef> scorecardChannel = okr.get("scorecardChannel").channel(false);
    Optional<WeeklyTime> retroPrompt =
        okr.get("retroPrompt").text(WeeklyTime::parse, OkrConfig.DEFAULT_RETRO_PROMPT);
    List<String> approvers = okr.get("approvers").list(Scalars::userId).orElse(List.of());
    if (okr.problemCount() > before) {
      return null;
    }
    return new OkrConfig(
        channel,
        digestChannel.orElseThrow(),
        digestAt.orElseThrow(),
        reminderAt.orElseThrow(),
        scorecardChannel,
        retroPrompt.orElseThrow(),
        approvers);
  }
}
