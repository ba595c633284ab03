package io.drumbeat.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code retro} section of {@code drumbeat.yml}: retrospectives.
 *
 * @param channel the default channel for retrospectives; empty when not set
 * @param votesPerPerson how many votes each participant may spend, 1–20; default 3
 */
public record RetroConfig(Optional<ChannelRef> channel, int votesPerPerson) {

  /**
   * @throws NullPointerException if {@code channel} is null
   * @throws IllegalArgumentException if {@code votesPerPerson} is not 1–20
   */
  public RetroConfig {
    Objects.requireNonNull(channel, "channel");
    if (votesPerPerson < 1 || votesPerPerson > 20) {
      throw new IllegalArgumentException("votesPerPerson must be 1-20, got " + votesPerPerson);
    }
  }
}
