package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;
import io.drumbeat.okr.Scorecard;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts retros: one open retro per channel; defaults (channel, votes per person) from the {@code
 * retro} section of {@code drumbeat.yml}. Whether the facilitator is in the channel is checked by
 * the caller: {@link RetroCommand} when it is the channel the command was typed in, else {@link
 * StartCheck} after the ack.
 */
final class RetroStarter {
  private final Jdbi jdbi;
  private final Announcer announcer;
  private final Scorecard scorecard;
  private final Supplier<Optional<String>> defaultChannel;
  private final int defaultVotes;
  private final Clock clock;
  private final TopicSuggestions suggestions;

  /**
   * @param jdbi database
   * @param announcer records the new retro's announcement
   * @param scorecard to check that an {@code --okrs} quarter has KRs
   * @param defaultChannel the configured retro channel id, if any (looked up when needed)
   * @param defaultVotes the configured votes per person
   * @param clock the time source
   * @param suggestions offers the facilitator topics from the OKRs when a retro starts
   */
  public RetroStarter(
      Jdbi jdbi,
      Announcer announcer,
      Scorecard scorecard,
      Supplier<Optional<String>> defaultChannel,
      int defaultVotes,
      Clock clock,
      TopicSuggestions suggestions) {
    this.jdbi = jdbi;
    this.announcer = announcer;
    this.scorecard = scorecard;
    this.defaultChannel = defaultChannel;
    this.defaultVotes = defaultVotes;
    this.clock = clock;
    this.suggestions = suggestions;
  }

  /**
   * The channel a retro started by {@code /retro start} typed in {@code commandChannel} runs in:
   * {@code --channel}, else the configured retro channel, else the channel the command was typed
   * in.
   *
   * @throws DrumbeatException (for the user) when there is none (typed in a DM, no default)
   */
  public String channelFor(StartOptions options, String commandChannel) {
    return options
        .channel()
        .or(defaultChannel)
        .or(() -> Optional.ofNullable(isChannel(commandChannel) ? commandChannel : null))
        .orElseThrow(
            () ->
                new DrumbeatException(
                    "Run `/retro start` in the retro's channel, or add `--channel #channel`."));
  }

  /** {@code options} with the votes per person resolved (the configured default if not given). */
  public StartOptions resolved(StartOptions options) {
    return new StartOptions(
        options.title(),
        Optional.of(options.votes().orElse(defaultVotes)),
        options.named(),
        options.channel(),
        options.okrQuarter());
  }

  /**
   * Refuses at once what would be refused later: an {@code --okrs} quarter without KRs, a channel
   * with an open retro.
   *
   * @throws DrumbeatException (for the user) naming the problem
   */
  public void precheck(StartOptions options, String channel) {
    options
        .okrQuarter()
        .filter(q -> scorecard.of(q).isEmpty())
        .ifPresent(
            q -> {
              throw new DrumbeatException(
                  "No KRs are imported for "
                      + q
                      + ", so there is no scorecard. Import them with `okrs import`, or leave out"
                      + " `--okrs`.");
            });
    Optional<Retro> open = jdbi.onDemand(RetroRepository.class).openIn(channel);
    if (open.isPresent()) {
      throw alreadyOpen(open);
    }
  }

  /**
   * Starts a retro in {@code channel} with {@code facilitator} as its facilitator; the caller has
   * made sure they are in that channel. The retro and its announcement are recorded in one
   * transaction (joining the caller's); the outbox posts the announcement.
   *
   * @throws DrumbeatException (for the user) when the channel already has an open retro or the
   *     {@code --okrs} quarter has no KRs
   */
  public Retro start(StartOptions options, String facilitator, String channel) {
    precheck(options, channel);
    return jdbi.inTransaction(
        h -> {
          RetroRepository repo = h.attach(RetroRepository.class);
          Retro retro =
              repo.start(
                      channel,
                      options.title(),
                      facilitator,
                      options.named(),
                      options.votes().orElse(defaultVotes),
                      options.okrQuarter().orElse(null),
                      clock.instant())
                  .orElseThrow(() -> alreadyOpen(repo.openIn(channel)));
          RetroKey.of(h, retro.id()); // its key is made with it, not on a later read
          announcer.announce(h, retro);
          return retro;
        });
  }

  /**
   * Starts a retro like {@link #start(StartOptions, String, String)} and, in the same transaction,
   * records the facilitator's suggested topics from the OKRs for {@code responseUrl} ({@link
   * TopicSuggestions#offer}).
   *
   * @throws DrumbeatException as {@link #start(StartOptions, String, String)}
   */
  public Retro start(StartOptions options, String facilitator, String channel, String responseUrl) {
    return jdbi.inTransaction(
        h -> {
          Retro retro = start(options, facilitator, channel);
          suggestions.offer(retro, responseUrl);
          return retro;
        });
  }

  /**
   * The open retro a phase or action command is about: the one in {@code commandChannel}, else the
   * one in the configured retro channel.
   *
   * @throws DrumbeatException when there is none
   */
  public Retro current(String commandChannel) {
    RetroRepository repo = jdbi.onDemand(RetroRepository.class);
    return repo.openIn(commandChannel)
        .or(() -> defaultChannel.get().flatMap(repo::openIn))
        .orElseThrow(
            () ->
                new DrumbeatException(
                    "There is no open retro here. Start one with `/retro start TITLE`."));
  }

  /**
   * The retro with id {@code id}.
   *
   * @throws DrumbeatException when there is none
   */
  public Retro find(long id) {
    return jdbi.onDemand(RetroRepository.class)
        .find(id)
        .orElseThrow(() -> new DrumbeatException("There is no retro " + id + "."));
  }

  private static DrumbeatException alreadyOpen(Optional<Retro> open) {
    return new DrumbeatException(
        open.map(
                r ->
                    "<#"
                        + r.channel()
                        + "> already has an open retro, *"
                        + io.drumbeat.slack.Mrkdwn.escape(r.title())
                        + "* ("
                        + r.phase().label()
                        + "). Close it with `/retro close` first.")
            .orElse("That channel already has an open retro."));
  }

  private static boolean isChannel(String id) {
    return id != null && (id.startsWith("C") || id.startsWith("G"));
  }
}
