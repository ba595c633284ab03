package io.drumbeat.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.User;
import com.slack.api.model.event.UserChangeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API {@code user_change} (scope {@code users:read}): a person's profile changed, so their
 * cached zone and name are replaced at once instead of at the next {@code users.list} read. The
 * cache is written in the transaction that marks the event's {@code event_id} handled, so a
 * redelivered event changes nothing twice, on any instance; whatever follows a zone change (the
 * daily prompt moving to the new local time) joins that transaction. No Slack call runs before the
 * ack.
 */
public final class ProfileEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileEvents.class);
  private final UserDirectory users;
  private final Replays replays;

  /**
   * @param users the profile cache
   * @param replays the ledger of events already handled
   */
  public ProfileEvents(UserDirectory users, Replays replays) {
    this.users = users;
    this.replays = replays;
  }

  /** Registers the {@code user_change} listener on {@code app}. */
  public void register(App app) {
    app.event(
        UserChangeEvent.class,
        (payload, ctx) -> {
          User user = payload.getEvent().getUser();
          if (user != null
              && user.getId() != null
              && replays.once(payload.getEventId(), h -> users.store(user))) {
            LOG.info("Refreshed the profile of {} (user_change)", user.getId());
          }
          return ctx.ack();
        });
  }
}
