package io.drumbeat.config;

import java.util.List;
import java.util.Optional;

/** Reads the optional {@code retro} section of {@code drumbeat.yml}. */
final class RetroSection {
  static final List<String> KEYS = List.of("channel", "votesPerPerson");
  static final int DEFAULT_VOTES = 3;

  private RetroSection() {}

  /**
   * Reads the section; when absent, every key takes its default.
   *
   * @return the section, or null if any problem was recorded
   */
  static RetroConfig read(Node retro) {
    if (retro.isAbsent()) {
      return new RetroConfig(Optional.empty(), DEFAULT_VOTES);
    }
    if (!retro.isMapping(KEYS)) {
      return null;
    }
    int before = retro.problemCount();
    Optional<ChannelRef> channel = retro.get("channel").channel(false);
    Optional<Integer> votes = retro.get("votesPerPerson").integer(1, 20, DEFAULT_VOTES);
    if (retro.problemCount() > before) {
      return null;
    }
    return new RetroConfig(channel, votes.orElseThrow());
  }
}
