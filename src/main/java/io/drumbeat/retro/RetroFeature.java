package io.drumbeat.retro;

import io.drumbeat.Feature;
import io.drumbeat.Shared;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Followups;
import io.drumbeat.okr.Scorecard;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Assembles retrospectives: {@code /retro}, the announcement, the item and voting modals, action
 * items and the public notes. Its listeners, services and modals are package-private; Drumbeat gets
 * them only through this class.
 *
 * <p>Its constants are the Slack identifiers that code outside the package relies on: {@link
 * io.drumbeat.Drumbeat#COMMANDS} (checked against {@code manifest.yml}), and the demo and
 * benchmarks, which play Slack and press the buttons.
 */
public final class RetroFeature {
  /** The slash command that starts and runs retrospectives: {@value}. */
  public static final String COMMAND = RetroCommand.COMMAND;

  /** {@code action_id} of the announcement's "Add item" button: {@value}. */
  public static final String ADD_ITEM = RetroAnnouncement.ADD_ITEM;

  /** {@code action_id} of the announcement's "Vote" button: {@value}. */
  public static final String VOTE = RetroVoting.VOTE;

  /** {@code action_id} of the checkbox groups in the voting modal: {@value}. */
  public static final String VOTE_PICK = VoteModal.PICK;

  /** {@code callback_id} of the "Add to retro" message shortcut: {@value}. */
  public static final String ADD_TO_RETRO = AddToRetro.CALLBACK_ID;

  /** {@code action_id} of the "Mark done" button in an action item's DM: {@value}. */
  public static final String ACTION_DONE = ActionItems.DONE;

  private RetroFeature() {}

  /**
   * Builds the feature from the shared parts.
   *
   * @param s the parts every feature is built from; {@code s.channels()} must have resolved the
   *     {@code retro} channel of {@code s.config()}, if any
   * @return its listeners, help line and the one-time task that checks a {@code /retro start} in
   *     another channel ({@link StartCheck}); retros have no recurring jobs or {@code /drumbeat}
   *     actions
   * @throws IllegalStateException when the configured retro channel was not resolved (a bug)
   */
  public static Feature assemble(Shared s) {
    DrumbeatConfig config = s.config();
    Scorecard scorecard = new Scorecard(s.jdbi());
    Announcer announcer = new Announcer(s.jdbi(), s.outbox(), scorecard, s.clock());
    Followups followups = new Followups(s.jdbi(), s.outbox());
    TopicQuarter quarters =
        new TopicQuarter(
            s.clock(), config.timezone(), config.fiscalYearStartMonth(), () -> okrChannels(s));
    Predicate<String> isAdmin = config::isAdmin;
    TopicSuggestions suggestions =
        new TopicSuggestions(
            s.jdbi(),
            s.outbox(),
            followups,
            quarters,
            announcer,
            (retro, user) -> retro.facilitator().equals(user) || isAdmin.test(user));
    RetroStarter starter =
        new RetroStarter(
            s.jdbi(),
            announcer,
            scorecard,
            () -> config.retro().channel().map(s.channels()::id),
            config.retro().votesPerPerson(),
            s.clock(),
            suggestions);
    RetroPhases phases =
        new RetroPhases(
            s.jdbi(),
            announcer,
            new RetroReports(s.jdbi(), scorecard),
            s.outbox(),
            config::isAdmin,
            s.clock());
    ActionItems actions =
        new ActionItems(s.jdbi(), s.outbox(), announcer, s.clock(), config.timezone(), s.home());
    StartCheck startCheck = new StartCheck(s.jdbi(), s.slack(), starter, followups, s.clock());
    RetroCommand command = new RetroCommand(starter, startCheck, phases, actions, followups);
    ItemListeners items = new ItemListeners(s.jdbi(), s.slack(), announcer, followups, s.replays());
    ActionListeners actionListeners =
        new ActionListeners(
            s.jdbi(), actions, s.slack(), followups, s.replays(), phases::mayMove, quarters);
    RetroVoting voting =
        new RetroVoting(
            s.jdbi(), s.slack(), s.clock(), followups, s.replays(), announcer::refresh, s.home());
    return new Feature(
        List.of(startCheck.task()),
        List.of(),
        app -> {
          command.register(app);
          items.register(app);
          actionListeners.register(app);
          voting.register(app);
          new AddToRetro(s.jdbi(), s.slack(), followups).register(app);
          suggestions.register(app);
        },
        List.of(),
        "`/retro start TITLE` run a retrospective in this channel (`/retro help` for more)");
  }

  private static Set<String> okrChannels(Shared s) {
    Set<String> ids = new HashSet<>();
    s.config().okr().channel().map(s.channels()::id).ifPresent(ids::add);
    ids.add(s.channels().id(s.config().okr().digestChannel()));
    return ids;
  }
}
