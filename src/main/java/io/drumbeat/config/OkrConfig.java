package io.drumbeat.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code okr} section of {@code drumbeat.yml}: weekly OKR check-ins.
 *
 * @param channel where check-ins are echoed; empty to not echo them
 * @param digestChannel where the weekly digest is posted
 * @param digestAt when the digest is posted, in the organisation's time zone; default MON 08:00
 * @param reminderAt when each key-result owner is reminded to check in, in the owner's own time
 *     zone (from their Slack profile); default FRI 14:00
 * @param scorecardChannel where the quarterly scorecard is shared; empty for {@code digestChannel}
 * @param retroPrompt when, in week 12 of the quarter, each KR owner is asked for their KR
 *     retrospectives, in the owner's own zone; default MON 10:00
 * @param approvers Slack user ids who sign off a mid-quarter change to the current quarter's KRs
 *     ({@code okr.approvers}); empty means the admins do (see {@link
 *     DrumbeatConfig#okrApprovers()})
 */
public record OkrConfig(
    Optional<ChannelRef> channel,
    ChannelRef digestChannel,
    WeeklyTime digestAt,
    WeeklyTime reminderAt,
    Optional<ChannelRef> scorecardChannel,
    WeeklyTime retroPrompt,
    List<String> approvers) {

  /** Default of {@code retroPrompt}: MON 10:00. */
  public static final WeeklyTime DEFAULT_RETRO_PROMPT =
      new WeeklyTime(java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(10, 0));

  /**
   * @throws NullPointerException if any argument is null
   */
  public OkrConfig {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(digestChannel, "digestChannel");
    Objects.requireNonNull(digestAt, "digestAt");
    Objects.requireNonNull(reminderAt, "reminderAt");
    Objects.requireNonNull(scorecardChannel, "scorecardChannel");
    Objects.requireNonNull(retroPrompt, "retroPrompt");
    approvers = List.copyOf(approvers);
  }

  /**
   * Settings without a scorecard channel (the digest channel), with the default retro prompt and no
   * {@code approvers} (the admins sign off changes).
   *
   * @throws NullPointerException if any argument is null
   */
  public OkrConfig(
      Optional<ChannelRef> channel,
      ChannelRef digestChannel,
      WeeklyTime digestAt,
      WeeklyTime reminderAt) {
    this(
        channel,
        digestChannel,
        digestAt,
        reminderAt,
        Optional.empty(),
        DEFAULT_RETRO_PROMPT,
        List.of());
  }

  /** Where the scorecard goes: {@code scorecardChannel}, else {@code digestChannel}. */
  public ChannelRef scorecardChannelOrDigest() {
    return scorecardChannel.orElse(digestChannel);
  }
}
