package io.drumbeat.retro;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.SlackGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Posts a retro's announcement and keeps it up to date ({@code chat.update}, Tier 3). Refreshes of
 * one retro are coalesced: while one runs, any number of requests cause one more run, which reads
 * the latest state; so a burst of new items costs a few updates, never a stale count last.
 */
final class Announcer {
  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final Scorecard scorecard;
  private final Background background;
  private final Map<Long, Boolean> dirty = new ConcurrentHashMap<>();

  /**
   * @param jdbi database
   * @param slack Web API
   * @param scorecard KR scorecards for retros started with {@code --okrs}
   * @param background where refreshes run
   */
  public Announcer(Jdbi jdbi, SlackGateway slack, Scorecard scorecard, Background background) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.scorecard = scorecard;
    this.background = background;
  }

  /**
   * Posts the announcement of a new retro and remembers its {@code ts}. Lists too long for it (the
   * scorecard, open action items) are posted in full in its thread.
   *
   * @throws io.drumbeat.slack.SlackCallException when Slack refuses, e.g. {@code not_in_channel}
   */
  public void announce(Retro retro) {
    List<String> lines = scorecardLines(retro);
    List<ActionItem> carried =
        jdbi.onDemand(ActionRepository.class).openBefore(retro.channel(), retro.id());
    RetroState state = state(retro);
    List<LayoutBlock> blocks = RetroAnnouncement.blocks(state, lines, carried);
    var posted = slack.post(retro.channel(), RetroAnnouncement.fallback(retro), blocks, null);
    jdbi.onDemand(RetroRepository.class).setAnnouncement(retro.id(), posted.ts());
    if (RetroAnnouncement.isCut(lines, carried)) {
      List<LayoutBlock> full = RetroAnnouncement.fullLists(lines, carried);
      for (List<LayoutBlock> part : MessagePacker.pack(full)) {
        slack.post(retro.channel(), RetroAnnouncement.fallback(retro), part, posted.ts());
      }
    }
  }

  /** Asks for the announcement of retro {@code id} to be redrawn soon, after the ack. */
  public void refresh(long id) {
    boolean[] start = {false};
    dirty.compute(
        id,
        (k, d) -> {
          start[0] = d == null;
          return d != null;
        });
    if (start[0]) {
      background.run("refresh the retro announcement", () -> drain(id));
    }
  }

  private void drain(long id) {
    boolean again = true;
    while (again) {
      try {
        redraw(id);
      } finally {
        again = dirty.compute(id, (k, d) -> Boolean.TRUE.equals(d) ? false : null) != null;
      }
    }
  }

  private void redraw(long id) {
    Retro retro = jdbi.onDemand(RetroRepository.class).find(id).orElseThrow();
    if (retro.announcementTs() == null) {
      return;
    }
    List<ActionItem> carried =
        jdbi.onDemand(ActionRepository.class).openBefore(retro.channel(), retro.id());
    slack.update(
        retro.channel(),
        retro.announcementTs(),
        RetroAnnouncement.fallback(retro),
        RetroAnnouncement.blocks(state(retro), scorecardLines(retro), carried));
  }

  /** The retro with its current counts. */
  public RetroState state(Retro retro) {
    RetroRepository repo = jdbi.onDemand(RetroRepository.class);
    return new RetroState(
        retro,
        repo.itemCount(retro.id()),
        repo.voterCount(retro.id()),
        jdbi.onDemand(ActionRepository.class).ofRetro(retro.id()).size());
  }

  private List<String> scorecardLines(Retro retro) {
    return retro.okrQuarter() == null
        ? List.of()
        : scorecard.of(retro.okrQuarter()).stream().map(Scorecard::mrkdwn).toList();
  }
}
