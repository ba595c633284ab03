package io.drumbeat.daily;

import io.drumbeat.config.TeamConfig;
import io.drumbeat.slack.ChannelDirectory;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who takes part in the daily update: each team's {@code members} from {@code drumbeat.yml}, or
 * everyone in the team's channel ({@code conversations.members}) when none are listed; bots are
 * left out. A member of several teams appears once, with all their teams.
 */
final class DailyRoster {
  private static final Logger LOG = LoggerFactory.getLogger(DailyRoster.class);
  private final List<TeamConfig> teams;
  private final ChannelDirectory channels;
  private final SlackGateway slack;
  private final UserDirectory users;
  private final Clock clock;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  private record Snapshot(Instant takenAt, Map<String, List<TeamConfig>> members) {}

  /** How long a read of the teams' members is reused; team membership rarely changes. */
  static final Duration FRESH_FOR = Duration.ofHours(1);

  /**
   * @param teams the teams from the config
   * @param channels resolved channel ids
   * @param slack Web API, for channel members
   * @param users to leave bots out
   * @param clock decides when the members are read again ({@link #FRESH_FOR})
   */
  public DailyRoster(
      List<TeamConfig> teams,
      ChannelDirectory channels,
      SlackGateway slack,
      UserDirectory users,
      Clock clock) {
    this.teams = List.copyOf(teams);
    this.channels = channels;
    this.slack = slack;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Every member with their teams, in config order, read at most once per {@link #FRESH_FOR}. A
   * channel whose members cannot be read is logged and skipped for this round.
   */
  public Map<String, List<TeamConfig>> members() {
    Snapshot known = snapshot.get();
    Instant now = clock.instant();
    if (known != null && known.takenAt().plus(FRESH_FOR).isAfter(now)) {
      return known.members();
    }
    Map<String, List<TeamConfig>> fresh = read();
    snapshot.set(new Snapshot(now, fresh));
    return fresh;
  }

  private Map<String, List<TeamConfig>> read() {
    Map<String, List<TeamConfig>> byMember = new LinkedHashMap<>();
    for (TeamConfig team : teams) {
      for (String member : membersOf(team)) {
        byMember.computeIfAbsent(member, m -> new ArrayList<>()).add(team);
      }
    }
    byMember.replaceAll((member, teams) -> List.copyOf(teams));
    return Collections.unmodifiableMap(byMember);
  }

  /** The teams {@code userId} belongs to (empty when none). */
  public List<TeamConfig> teamsOf(String userId) {
    return members().getOrDefault(userId, List.of());
  }

  /** The resolved channel id of a team. */
  public String channelOf(TeamConfig team) {
    return channels.id(team.channel());
  }

  /** The configured teams. */
  public List<TeamConfig> teams() {
    return teams;
  }

  private List<String> membersOf(TeamConfig team) {
    if (!team.members().isEmpty()) {
      return team.members();
    }
    try {
      return slack.members(channelOf(team)).stream().filter(m -> !users.isBot(m)).toList();
    } catch (SlackCallException e) {
      LOG.warn("Cannot read the members of team {}: {}", team.id(), e.getMessage());
      return List.of();
    }
  }
}
