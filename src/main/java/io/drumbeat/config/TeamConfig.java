package io.drumbeat.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One team from {@code drumbeat.yml}.
 *
 * @param id short unique id: 1–40 of lowercase letters, digits and {@code -}
 * @param name display name; the id when not given
 * @param channel the team's channel
 * @param members Slack user ids; empty means everyone in the channel
 * @param dailyPrompt time of day the daily-update feature asks for updates; default 09:30
 * @param dailyReminder time of day the daily-update feature reminds those who have not answered;
 *     after {@code dailyPrompt}; default 15:00
 * @param digestAt when the weekly team digest (updates per member, blockers) is posted in the team
 *     channel, in the organisation's zone; empty for none
 */
public record TeamConfig(
    String id,
    String name,
    ChannelRef channel,
    List<String> members,
    LocalTime dailyPrompt,
    LocalTime dailyReminder,
    Optional<WeeklyTime> digestAt) {

  /**
   * Copies {@code members} into an unmodifiable list.
   *
   * @throws NullPointerException if any argument or member is null
   */
  public TeamConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(channel, "channel");
    members = List.copyOf(members);
    Objects.requireNonNull(dailyPrompt, "dailyPrompt");
    Objects.requireNonNull(dailyReminder, "dailyReminder");
    Objects.requireNonNull(digestAt, "digestAt");
  }
}
