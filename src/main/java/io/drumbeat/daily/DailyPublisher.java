package io.drumbeat.daily;

import io.drumbeat.config.TeamConfig;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.SlackCallException;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.UserDirectory;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a daily update to each of the member's team channels, or edits the posts already made that
 * day ({@code chat.update}); never a second post. With scope {@code chat:write.customize} the post
 * carries the member's name and picture; otherwise it opens with a mention of them.
 */
final class DailyPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(DailyPublisher.class);
  private final Jdbi jdbi;
  private final DailyRoster roster;
  private final SlackGateway slack;
  private final UserDirectory users;
  private final AdminNotifier admins;
  private final boolean asMember;

  /**
   * @param jdbi database
   * @param roster the member's teams and channels
   * @param slack Web API
   * @param users names and pictures
   * @param admins told when a channel cannot be posted to
   * @param asMember whether the app may post under the member's name ({@code chat:write.customize})
   */
  public DailyPublisher(
      Jdbi jdbi,
      DailyRoster roster,
      SlackGateway slack,
      UserDirectory users,
      AdminNotifier admins,
      boolean asMember) {
    this.jdbi = jdbi;
    this.roster = roster;
    this.slack = slack;
    this.users = users;
    this.admins = admins;
    this.asMember = asMember;
  }

  /** Posts or edits {@code update} in every team channel of its member. */
  public void publish(DailyUpdate update) {
    DailyRepository repo = jdbi.onDemand(DailyRepository.class);
    Map<String, DailyPost> posted =
        repo.posts(update.userId(), update.localDate()).stream()
            .collect(Collectors.toMap(DailyPost::teamId, Function.identity()));
    String lead = asMember ? null : "<@" + update.userId() + ">";
    var blocks = DailyText.blocks(lead, update);
    String fallback = "Daily update from " + users.nameOf(update.userId());
    for (TeamConfig team : roster.teamsOf(update.userId())) {
      String channel = roster.channelOf(team);
      try {
        DailyPost post = posted.get(team.id());
        if (post != null) {
          slack.update(post.channel(), post.ts(), fallback, blocks);
        } else {
          var at =
              asMember
                  ? slack.postAs(
                      channel,
                      fallback,
                      blocks,
                      users.nameOf(update.userId()),
                      users.avatarOf(update.userId()).orElse(null))
                  : slack.post(channel, fallback, blocks, null);
          repo.insertPost(
              new DailyPost(update.userId(), update.localDate(), team.id(), at.channel(), at.ts()));
        }
      } catch (SlackCallException e) {
        if (e.isChannelProblem()) {
          admins.tell(AdminNotifier.channelAdvice("a daily update", channel, e));
        } else {
          LOG.warn(
              "Could not post the daily update of {} to {}: {}",
              update.userId(),
              team.id(),
              e.getMessage());
        }
      }
    }
  }

  /** Whether posts carry the member's name and picture. */
  public boolean postsAsMember() {
    return asMember;
  }
}
