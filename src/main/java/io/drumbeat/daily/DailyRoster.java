package io.drumbeat.daily;

import io.drumbeat.config.TeamConfig;
import io.drumbeat.slack.ChannelDirectory;
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
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who takes part in the daily update: each team's {@code members} from {@code drumbeat.yml}, or
 * everyone in the team's channel when none are listed; bots are left out. A member of several teams
 * appears once, with all their teams. Channel members are read with {@code conversations.members}
 * by {@link #refresh()} (a job, hourly) and kept in the database: reading them never calls Slack,
 * and a failed refresh keeps the last known members.
 */
final class DailyRoster {
  private static final Logger LOG = LoggerFactory.getLogger(DailyRoster.class);

  /** How long the members read from the database are reused in memory. */
  static final Duration CACHED_FOR = Duration.ofSeconds(30);

  private final List<TeamConfig> teams;
  private final ChannelDirectory channels;
  private final SlackGateway slack;
  private final UserDirectory users;
  private final Jdbi jdbi;
  private final Clock clock;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  private record Snapshot(Instant takenAt, Map<String, List<TeamConfig>> members) {}

  /**
   * @param teams the teams from the config
   * @param channels resolved channel ids
   * @param slack Web API, for channel members
   * @param users to leave bots out
   * @param jdbi where the channel members are kept
   * @param clock decides when the cached members are read again
   */
  DailyRoster(
      List<TeamConfig> teams,
      ChannelDirectory channels,
      SlackGateway slack,
      UserDirectory users,
      Jdbi jdbi,
      Clock clock) {
    this.teams = List.copyOf(teams);
    this.channels = channels;
    this.slack = slack;
    this.users = users;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Every member with their teams, in config order. Never calls Slack. */
  public Map<String, List<TeamConfig>> members() {
    Snapshot known = snapshot.get();
    Instant now = clock.instant();
    if (known != null && known.takenAt().plus(CACHED_FOR).isAfter(now)) {
      return known.members();
    }
    Map<String, List<TeamConfig>> fresh = read();
    snapshot.set(new Snapshot(now, fresh));
    return fresh;
  }

  private Map<String, List<TeamConfig>> read() {
    RosterRepository repo = jdbi.onDemand(RosterRepository.class);
    Map<String, List<TeamConfig>> byMember = new LinkedHashMap<>();
    for (TeamConfig team : teams) {
      List<String> members = team.members().isEmpty() ? repo.members(team.id()) : team.members();
      for (String member : members) {
        if (!team.members().isEmpty() || !users.isBot(member)) {
          byMember.computeIfAbsent(member, m -> new ArrayList<>()).add(team);
        }
      }
    }
    byMember.replaceAll((member, teams) -> List.copyOf(teams));
    return Collections.unmodifiableMap(byMember);
  }

  /**
   * Reads the members of every channel-following team from Slack and stores them. A team whose
   * channel cannot be read keeps its last known members.
   *
   * @return the number of teams that could not be read (their failure is logged)
   */
  int refresh() {
    int failed = 0;
    for (TeamConfig team : teams) {
      if (!team.members().isEmpty()) {
        continue;
      }
      try {
        String channel = channelOf(team);
        List<String> members = slack.members(channel);
        users.ensureKnown(members);
        jdbi.onDemand(RosterRepository.class).replace(team.id(), channel, members, clock.instant());
      } catch (RuntimeException e) {
        failed++;
        LOG.warn("Kept the last known members of team {}: {}", team.id(), e.getMessage());
      }
    }
    snapshot.set(null);
    return failed;
  }

  /** Reads the channel members once if a channel-following team was never read. */
  void ensureRead() {
    RosterRepository repo = jdbi.onDemand(RosterRepository.class);
    boolean never =
        teams.stream().anyMatch(t -> t.members().isEmpty() && repo.refreshedAt(t.id()).isEmpty());
    if (never) {
      refresh();
    }
  }

  /**
   * The teams that follow channel {@code channelId} (no {@code members} listed), as far as the
   * channel ids are known yet. Never calls Slack.
   */
  List<TeamConfig> following(String channelId) {
    return teams.stream()
        .filter(t -> t.members().isEmpty())
        .filter(t -> channels.find(t.channel()).filter(channelId::equals).isPresent())
        .toList();
  }

  /** Drops the members held in memory, so the next read sees a change just committed. */
  void forget() {
    snapshot.set(null);
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
}
