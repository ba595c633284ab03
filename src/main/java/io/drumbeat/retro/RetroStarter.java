package io.drumbeat.retro;

import io.drumbeat.DrumbeatException;
import io.drumbeat.okr.Scorecard;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts retros: one open retro per channel; defaults (channel, votes per person) from the {@code
 * retro} section of {@code drumbeat.yml}.
 */
final class RetroStarter {
  private final Jdbi jdbi;
  private final Announcer announcer;
  private final Scorecard scorecard;
  private final Supplier<Optional<String>> defaultChannel;
  private final int defaultVotes;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param announcer records the new retro's announcement
   * @param scorecard to check that an {@code --okrs} quarter has KRs
   * @param defaultChannel the configured retro channel id, if any (looked up when needed)
   * @param defaultVotes the configured votes per person
   * @param clock the time source
   */
  public RetroStarter(
      Jdbi jdbi,
      Announcer announcer,
      Scorecard scorecard,
      Supplier<Optional<String>> defaultChannel,
      int defaultVotes,
      Clock clock) {
    this.jdbi = jdbi;
    this.announcer = announcer;
    this.scorecard = scorecard;
    this.defaultChannel = defaultChannel;
    this.defaultVotes = defaultVotes;
    this.clock = clock;
  }

  /**
   * Starts a retro with {@code facilitator} as its facilitator: in {@code --channel}, else the
   * configured retro channel, else the channel the command was run in. The retro and its
   * announcement are recorded in one transaction; the outbox posts the announcement.
   *
   * @throws DrumbeatException (for the user) when the channel already has an open retro, there is
   *     no channel, or the {@code --okrs} quarter has no KRs
   */
  public Retro start(StartOptions options, String facilitator, String commandChannel) {
    String channel =
        options
            .channel()
            .or(defaultChannel)
            .orElse(isChannel(commandChannel) ? commandChannel : null);
    if (channel == null) {
      throw new DrumbeatException(
          "Run `/retro start` in the retro's channel, or add `--channel #channel`.");
    }
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
          announcer.announce(h, retro);
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
