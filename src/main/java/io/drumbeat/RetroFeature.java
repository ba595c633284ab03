package io.drumbeat;

import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.retro.ActionItems;
import io.drumbeat.retro.ActionListeners;
import io.drumbeat.retro.Announcer;
import io.drumbeat.retro.ItemListeners;
import io.drumbeat.retro.RetroCommand;
import io.drumbeat.retro.RetroPhases;
import io.drumbeat.retro.RetroReports;
import io.drumbeat.retro.RetroStarter;
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
    DrumbeatConfig config = s.config();
    Scorecard scorecard = new Scorecard(s.jdbi());
    Announcer announcer = new Announcer(s.jdbi(), s.slack(), scorecard, s.background());
    RetroStarter starter =
        new RetroStarter(
            s.jdbi(),
            scorecard,
            config.retro().channel().map(s.channels()::id),
            config.retro().votesPerPerson(),
            s.clock());
    RetroPhases phases =
        new RetroPhases(
            s.jdbi(),
            announcer,
            new RetroReports(s.jdbi(), scorecard),
            s.slack(),
            config::isAdmin,
            s.clock());
    ActionItems actions =
        new ActionItems(
            s.jdbi(),
            s.slack(),
            s.users(),
            announcer,
            s.background(),
            s.clock(),
            config.timezone());
    RetroCommand command = new RetroCommand(starter, phases, announcer, actions, s.background());
    ItemListeners items = new ItemListeners(s.jdbi(), s.slack(), announcer, s.modals());
    ActionListeners actionListeners =
        new ActionListeners(s.jdbi(), actions, s.slack(), s.modals(), s.background());
    RetroVoting voting =
        new RetroVoting(s.jdbi(), s.slack(), s.clock(), s.modals(), announcer::refresh);
    return new Feature(
        List.of(),
        List.of(),
        app -> {
          command.register(app);
          items.register(app);
          actionListeners.register(app);
          voting.register(app);
        },
        List.of(),
        "`/retro start TITLE` run a retrospective in this channel (`/retro help` for more)");
  }
}
