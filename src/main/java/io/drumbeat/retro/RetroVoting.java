package io.drumbeat.retro;

import com.slack.api.bolt.App;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.SlackGateway;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The private voting modal: the "Vote" button ({@code action_id} {@value #VOTE}, value the retro
 * id) opens it with the voter's current votes; a submission replaces their votes, at most the
 * retro's votes per person.
 */
public final class RetroVoting {
  /** {@code action_id} of the "Vote" button on the announcement; its value is the retro id. */
  public static final String VOTE = "retro_vote";

  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final Clock clock;
  private final Background modals;

  /**
   * @param jdbi database
   * @param slack Web API (views.open, views.update)
   * @param clock the time source
   * @param modals where modals open after the ack
   */
  public RetroVoting(Jdbi jdbi, SlackGateway slack, Clock clock, Background modals) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.clock = clock;
    this.modals = modals;
  }

  /** Registers the button, paging and submission listeners on {@code app}. */
  public void register(App app) {
    // TODO
  }
}
