package io.drumbeat.retro;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.delivery.OutboxRow;
import io.drumbeat.delivery.Posted;
import io.drumbeat.delivery.Renderer;
import io.drumbeat.okr.Scorecard;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A retro's announcement in its channel: one outbox delivery per retro (key {@code
 * retro-announcement:ID}), drawn from the database when delivered, so every redraw shows the latest
 * phase and counts whichever instance sends it and whatever failed before; it is posted once, then
 * edited in place ({@code chat.update}). New items are batched ({@link #ITEM_BATCH}): the count
 * changes about 10 s after the first new item, with every item added meanwhile, so nobody can pair
 * a click with a new item; while items are collected every redraw is batched so. If the
 * announcement cannot be posted at all (e.g. {@code not_in_channel}), the retro is closed and its
 * facilitator told.
 */
final class Announcer implements Renderer {
  /** Renderer kind of an announcement. */
  static final String KIND = "retro-announcement";

  /** How long a new item waits before the announcement's count shows it (and others). */
  static final Duration ITEM_BATCH = Duration.ofSeconds(10);

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final Scorecard scorecard;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param outbox where announcements are recorded; this renderer registers itself there
   * @param scorecard KR scorecards for retros started with {@code --okrs}
   * @param clock when batched redraws are due
   */
  Announcer(Jdbi jdbi, Outbox outbox, Scorecard scorecard, Clock clock) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.scorecard = scorecard;
    this.clock = clock;
    outbox.register(KIND, this);
  }

  /** The delivery key of retro {@code id}'s announcement. */
  static String key(long id) {
    return KIND + ":" + id;
  }

  /**
   * Records the announcement of a new retro, and the lists too long for it (the scorecard, open
   * action items) in full in its thread, in {@code handle}'s transaction.
   */
  void announce(Handle handle, Retro retro) {
    outbox.draw(handle, delivery(retro));
    List<String> lines = scorecardLines(retro);
    List<ActionItem> carried =
        handle.attach(ActionRepository.class).openBefore(retro.channel(), retro.id());
    if (RetroAnnouncement.isCut(lines, carried)) {
      List<List<LayoutBlock>> parts =
          MessagePacker.pack(RetroAnnouncement.fullLists(lines, carried));
      for (int i = 0; i < parts.size(); i++) {
        outbox.enqueue(
            handle,
            Delivery.message(
                    key(retro.id()) + ":list:" + (i + 1),
                    retro.channel(),
                    Content.of(RetroAnnouncement.fallback(retro), parts.get(i)))
                .inThreadOf(key(retro.id())));
      }
    }
  }

  /**
   * Asks for retro {@code id}'s announcement to be redrawn now (joins a caller's transaction);
   * while it collects items, batched like {@link #refreshSoon}, since then the item count is what a
   * redraw would change (an action item recorded just after an item must not show it early).
   */
  void refresh(long id) {
    jdbi.useTransaction(
        h ->
            h.attach(RetroRepository.class)
                .find(id)
                .ifPresent(
                    r ->
                        outbox.draw(
                            h,
                            r.phase() == RetroPhase.COLLECTING
                                ? delivery(r).notBefore(clock.instant().plus(ITEM_BATCH))
                                : delivery(r))));
  }

  /** Asks for a batched redraw after new or changed items ({@link #ITEM_BATCH}). */
  void refreshSoon(long id) {
    jdbi.useTransaction(
        h ->
            h.attach(RetroRepository.class)
                .find(id)
                .ifPresent(
                    r -> outbox.draw(h, delivery(r).notBefore(clock.instant().plus(ITEM_BATCH)))));
  }

  private static Delivery delivery(Retro retro) {
    return Delivery.drawn(key(retro.id()), KIND, String.valueOf(retro.id()), retro.channel());
  }

  @Override
  public Optional<Content> render(Handle handle, OutboxRow row) {
    long id = Long.parseLong(row.subject());
    return handle
        .attach(RetroRepository.class)
        .find(id)
        .map(
            retro ->
                Content.of(
                    RetroAnnouncement.fallback(retro),
                    RetroAnnouncement.blocks(
                        state(handle, retro),
                        scorecardLines(retro),
                        handle.attach(ActionRepository.class).openBefore(retro.channel(), id))));
  }

  /** Remembers where the announcement was posted ({@code retro.announcement_ts}). */
  @Override
  public void posted(Handle handle, OutboxRow row, Posted at) {
    handle.attach(RetroRepository.class).setAnnouncement(Long.parseLong(row.subject()), at.ts());
  }

  /**
   * An announcement that could not be posted at all: the retro is closed, freeing its channel, and
   * its facilitator is told by DM.
   */
  @Override
  public void failed(Handle handle, OutboxRow row, String error) {
    if (row.isPosted()) {
      return;
    }
    long id = Long.parseLong(row.subject());
    RetroRepository retros = handle.attach(RetroRepository.class);
    retros
        .find(id)
        .filter(Retro::isOpen)
        .ifPresent(
            retro -> {
              retros.close(retro.id(), clock.instant());
              outbox.enqueue(
                  handle,
                  Delivery.message(
                      "retro-not-started:" + id,
                      retro.facilitator(),
                      Content.text(
                          ":x: I could not post the retro *"
                              + Mrkdwn.escape(retro.title())
                              + "* in <#"
                              + retro.channel()
                              + "> (Slack said `"
                              + Mrkdwn.escape(error)
                              + "`), so it was not started. If it is a private channel, invite"
                              + " me with `/invite @Drumbeat`, then start it again.")));
            });
  }

  /** The retro with its current counts. */
  static RetroState state(Handle handle, Retro retro) {
    RetroRepository repo = handle.attach(RetroRepository.class);
    return new RetroState(
        retro,
        repo.itemCount(retro.id()),
        repo.voterCount(retro.id()),
        handle.attach(ActionRepository.class).ofRetro(retro.id()).size());
  }

  private List<String> scorecardLines(Retro retro) {
    return retro.okrQuarter() == null
        ? List.of()
        : scorecard.of(retro.okrQuarter()).stream().map(Scorecard::mrkdwn).toList();
  }
}
