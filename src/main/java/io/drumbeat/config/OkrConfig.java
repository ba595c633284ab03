package io.drumbeat.config;

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
 */
public record OkrConfig(
    Optional<ChannelRef> channel,
    ChannelRef digestChannel,
    WeeklyTime digestAt,
    WeeklyTime reminderAt) {

  /**
   * @throws NullPointerException if any argument is null
   */
  public OkrConfig {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(digestChannel, "digestChannel");
    Objects.requireNonNull(digestAt, "digestAt");
    Objects.requireNonNull(reminderAt, "reminderAt");
  }
}
