package io.drumbeat;

import io.drumbeat.retro.RetroVoting;
import java.util.List;

/**
 * Assembles retrospectives: {@code /retro}, the announcement, the item and voting modals, action
 * items and the public notes.
 */
final class RetroFeature {
  private RetroFeature() {}

  /** Builds the feature from the shared parts. */
  static Feature assemble(Shared s) {
    RetroVoting voting = new RetroVoting(s.jdbi(), s.slack(), s.clock(), s.modals());
    return new Feature(
        List.of(),
        List.of(),
        voting::register,
        List.of(),
        "`/retro start TITLE` run a retrospective in this channel (`/retro help` for more)");
  }
}
