package io.drumbeat.daily;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MemberLeftChannelEvent;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.slack.Replays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API {@code member_joined_channel} and {@code member_left_channel} (scopes {@code
 * channels:read}, {@code groups:read}): the roster of every team that follows that channel (no
 * {@code members} listed) gains or loses the member at once, instead of at the hourly {@code
 * conversations.members} read. The roster is changed in the transaction that marks the event's
 * {@code event_id} handled, so a redelivery changes nothing twice, on any instance. A new member is
 * prompted from the planner's next run (every 15 minutes). No Slack call runs before the ack.
 */
final class RosterEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RosterEvents.class);
  private final DailyRoster roster;
  private final Replays replays;

  RosterEvents(DailyRoster roster, Replays replays) {
    this.roster = roster;
    this.replays = replays;
  }

  /** Registers both listeners on {@code app}. */
  void register(App app) {
    app.event(
        MemberJoinedChannelEvent.class,
        (payload, ctx) -> {
          var event = payload.getEvent();
          change(payload.getEventId(), event.getChannel(), event.getUser(), true);
          return ctx.ack();
        });
    app.event(
        MemberLeftChannelEvent.class,
        (payload, ctx) -> {
          var event = payload.getEvent();
          change(payload.getEventId(), event.getChannel(), event.getUser(), false);
          return ctx.ack();
        });
  }

  private void change(String eventId, String channel, String user, boolean joined) {
    List<TeamConfig> teams = roster.following(channel);
    if (teams.isEmpty() || user == null) {
      return;
    }
    boolean first =
        replays.once(
            eventId,
            h -> {
              RosterRepository repo = h.attach(RosterRepository.class);
              for (TeamConfig team : teams) {
                if (joined) {
                  repo.insertMember(team.id(), user);
                } else {
                  repo.deleteMember(team.id(), user);
                }
              }
            });
    if (first) {
      roster.forget();
      LOG.info(
          "{} {} team(s) following {}: {}",
          joined ? user + " joined" : user + " left",
          teams.size(),
          channel,
          teams.stream().map(TeamConfig::id).toList());
    }
  }
}
