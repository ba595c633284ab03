package io.drumbeat.daily;

import io.drumbeat.HomeRefresh;
import io.drumbeat.config.TeamConfig;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.delivery.OutboxRow;
import io.drumbeat.delivery.Posted;
import io.drumbeat.delivery.Renderer;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.UserDirectory;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A member's daily update in each of their team channels: one outbox delivery per team and day, key
 * {@code daily-post:U1:2026-11-30:C0DIST}, drawn from the stored update when delivered. The first
 * delivery posts it; a revision the same day edits that post ({@code chat.update}), never a second
 * post, whichever instance delivers it. With scope {@code chat:write.customize} the post carries
 * the member's name and picture; otherwise it opens with a mention of them.
 */
final class DailyPosts implements Renderer {
  /** Renderer kind of a daily post. */
  static final String KIND = "daily-post";

  private final Outbox outbox;
  private final DailyRoster roster;
  private final UserDirectory users;
  private final boolean asMember;
  private final HomeRefresh home;

  /**
   * @param outbox where the posts are recorded
   * @param roster the member's teams and their channels
   * @param users names and pictures
   * @param asMember whether the app may post under the member's name ({@code chat:write.customize})
   * @param home redraws the member's App Home after their update, in its transaction
   */
  DailyPosts(
      Outbox outbox, DailyRoster roster, UserDirectory users, boolean asMember, HomeRefresh home) {
    this.outbox = outbox;
    this.roster = roster;
    this.users = users;
    this.asMember = asMember;
    this.home = home;
    outbox.register(KIND, this);
  }

  /** Redraws a member's App Home (for other changes of theirs, e.g. out of office). */
  HomeRefresh home() {
    return home;
  }

  /**
   * Records (or redraws) the post of {@code update} in every team channel of its member, in the
   * transaction that stored it, and redraws the member's App Home.
   */
  void publish(Handle handle, DailyUpdate update) {
    home.redraw(handle, update.userId());
    for (TeamConfig team : roster.teamsOf(update.userId())) {
      String channel = roster.channelOf(team);
      outbox.draw(
          handle,
          Delivery.drawn(
              "daily-post:" + update.userId() + ":" + update.localDate() + ":" + channel,
              KIND,
              update.userId() + ":" + update.localDate() + ":" + team.id(),
              channel));
    }
  }

  @Override
  public Optional<Content> render(Handle handle, OutboxRow row) {
    Subject s = Subject.parse(row.subject());
    return handle
        .attach(DailyRepository.class)
        .find(s.userId(), s.date())
        .map(
            update -> {
              String name = users.nameOf(update.userId());
              String lead = asMember ? null : "<@" + update.userId() + ">";
              Content content =
                  Content.of(
                      "Daily update from " + Mrkdwn.escape(name), DailyText.blocks(lead, update));
              return asMember
                  ? content.as(name, users.avatarOf(update.userId()).orElse(null))
                  : content;
            });
  }

  @Override
  public void posted(Handle handle, OutboxRow row, Posted at) {
    Subject s = Subject.parse(row.subject());
    handle
        .attach(DailyRepository.class)
        .insertPost(new DailyPost(s.userId(), s.date(), s.teamId(), at.channel(), at.ts()));
  }

  /** A row's subject: {@code USER:DATE:TEAM}. */
  private record Subject(String userId, LocalDate date, String teamId) {
    static Subject parse(String subject) {
      String[] parts = subject.split(":", 3);
      return new Subject(parts[0], LocalDate.parse(parts[1]), parts[2]);
    }
  }
}
