package io.drumbeat.daily;

import io.drumbeat.config.TeamConfig;
import io.drumbeat.slack.SlackChannelRepository;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Who may read whose daily updates ({@code /daily-update history} and its page buttons).
 *
 * <ul>
 *   <li><b>Who may ask</b> for a member's history: the member, an admin ({@code admins}), and
 *       anyone who is in a team with the member now. Anyone else is refused.
 *   <li><b>What the author sees</b>: all of their own updates, posted or not (they wrote them).
 *   <li><b>What anyone else sees</b> (admins too): only updates that were posted in a channel they
 *       can read: a public team channel, or the private channel of a team they are in now. An
 *       update that was never posted (no post was ever confirmed by Slack: it failed, is still on
 *       its way, or its author was in no team) is not shown to anyone but its author, nor is one
 *       posted only in private channels of teams the reader is not in.
 * </ul>
 *
 * <p>Whether a channel is private comes from what Slack said when Drumbeat last looked it up (table
 * {@code slack_channel}, at every start); a channel Drumbeat knows nothing about counts as private.
 * Teams are read from the roster at the time of reading, so leaving a team also ends reading its
 * private channel's updates through Drumbeat.
 */
final class HistoryAccess {
  private final Jdbi jdbi;
  private final DailyRoster roster;
  private final Predicate<String> isAdmin;

  /**
   * @param jdbi the database holding {@code daily_update}, {@code daily_post} and {@code
   *     slack_channel}
   * @param roster who is in which team now
   * @param isAdmin whether a Slack user id is listed under {@code admins}
   */
  HistoryAccess(Jdbi jdbi, DailyRoster roster, Predicate<String> isAdmin) {
    this.jdbi = jdbi;
    this.roster = roster;
    this.isAdmin = isAdmin;
  }

  /**
   * Why {@code viewer} may not ask for {@code member}'s history, as one mrkdwn line, or empty when
   * they may.
   */
  Optional<String> refusal(String viewer, String member) {
    if (viewer.equals(member) || isAdmin.test(viewer)) {
      return Optional.empty();
    }
    Set<String> mine =
        roster.teamsOf(viewer).stream().map(TeamConfig::id).collect(Collectors.toSet());
    if (roster.teamsOf(member).stream().anyMatch(team -> mine.contains(team.id()))) {
      return Optional.empty();
    }
    return Optional.of(
        ":no_entry: You can read the daily updates only of people who share a team with you"
            + " (admins: anyone's), and <@"
            + member
            + "> is in none of your teams.");
  }

  /**
   * The updates of {@code q} that {@code viewer} may read (see the class comment), newest first.
   * Call {@link #refusal} first: this method does not check who may ask.
   *
   * @throws io.drumbeat.DrumbeatException when a team channel of the viewer is still being looked
   *     up in Slack
   */
  List<DailyUpdate> readable(String viewer, HistoryQuery q) {
    DailyRepository repo = jdbi.onDemand(DailyRepository.class);
    List<DailyUpdate> updates = repo.history(q.userId(), q.from(), q.to());
    if (viewer.equals(q.userId())) {
      return updates;
    }
    Set<String> ownChannels =
        roster.teamsOf(viewer).stream().map(roster::channelOf).collect(Collectors.toSet());
    SlackChannelRepository known = jdbi.onDemand(SlackChannelRepository.class);
    Map<String, Boolean> readable = new HashMap<>();
    Predicate<String> canRead =
        channel ->
            readable.computeIfAbsent(
                channel,
                c ->
                    ownChannels.contains(c)
                        || known.find(c).map(k -> !k.isPrivate()).orElse(false));
    Map<LocalDate, List<String>> postedIn =
        repo.postsBetween(q.userId(), q.from(), q.to()).stream()
            .collect(
                Collectors.groupingBy(
                    DailyPost::localDate,
                    Collectors.mapping(DailyPost::channel, Collectors.toList())));
    return updates.stream()
        .filter(u -> postedIn.getOrDefault(u.localDate(), List.of()).stream().anyMatch(canRead))
        .toList();
  }
}
