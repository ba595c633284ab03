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
 * @param approvers Slack user ids who sign off a mid-quarter change to the current quarter's KRs
 *     ({@code okr.approvers}); empty means the admins do (see {@link
 *     DrumbeatConfig#okrApprovers()})
 */
public record OkrConfig(
    Optional<ChannelRef> channel,
    ChannelRef digestChannel,
    WeeklyTime digestAt,
    WeeklyTime reminderAt,
    List<String> approvers) {

  /**
   * @throws NullPointerException if any argument is null
   */
  public OkrConfig {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(digestChannel, "digestChannel");
    Objects.requireNonNull(digestAt, "digestAt");
    Objects.requireNonNull(reminderAt, "reminderAt");
    approvers = List.copyOf(approvers);
  }

  /**
   * Settings without {@code approvers} (the admins sign off changes).
   *
   * @throws NullPointerException if any argument is null
   */
  public OkrConfig(
      Optional<ChannelRef> channel,
      ChannelRef digestChannel,
      WeeklyTime digestAt,
      WeeklyTime reminderAt) {
    this(channel, digestChannel, digestAt, reminderAt, List.of());
  }
}
