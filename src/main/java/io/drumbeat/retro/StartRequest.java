package io.drumbeat.retro;

import java.time.Instant;
import java.util.Optional;

/**
 * A {@code /retro start} waiting for the check that its facilitator is in the channel it will run
 * in (table {@code retro_start_request}), because that is not the channel it was typed in.
 *
 * @param id a random UUID, also the id of its db-scheduler execution
 * @param facilitator the Slack user id of who typed it
 * @param channel the channel id the retro will run in
 * @param title the retro's title, as typed
 * @param named true for {@code --named}
 * @param votesPerPerson votes per person, the configured default already applied
 * @param okrQuarter the quarter of {@code --okrs}, or null
 * @param responseUrl the command's {@code response_url} (valid 30 minutes), for the outcome
 * @param createdAt when it was typed
 */
public record StartRequest(
    String id,
    String facilitator,
    String channel,
    String title,
    boolean named,
    int votesPerPerson,
    String okrQuarter,
    String responseUrl,
    Instant createdAt) {

  /** The options of the retro to start. */
  StartOptions options() {
    return new StartOptions(
        title,
        Optional.of(votesPerPerson),
        named,
        Optional.of(channel),
        Optional.ofNullable(okrQuarter));
  }
}
