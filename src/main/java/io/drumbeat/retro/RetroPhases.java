package io.drumbeat.retro;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Moves retros through their phases: collecting → voting → discussing → closed. Only the
 * facilitator or an admin may; closing is allowed from any open phase. Closing voting posts the
 * ranked topics, closing the retro posts its notes; both in the retro's channel, overflow in the
 * thread.
 */
final class RetroPhases {
  private final Jdbi jdbi;
  private final Announcer announcer;
  private final RetroReports reports;
  private final Outbox outbox;
  private final Predicate<String> isAdmin;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param announcer redraws the announcement
   * @param reports loads what the topics and notes show
   * @param outbox where the topics and notes are recorded
   * @param isAdmin whether a Slack user id is a Drumbeat admin
   * @param clock the time source
   */
  public RetroPhases(
      Jdbi jdbi,
      Announcer announcer,
      RetroReports reports,
      Outbox outbox,
      Predicate<String> isAdmin,
      Clock clock) {
    this.jdbi = jdbi;
    this.announcer = announcer;
    this.reports = reports;
    this.outbox = outbox;
    this.isAdmin = isAdmin;
    this.clock = clock;
  }

  /** True when {@code userId} may move {@code retro}: its facilitator or an admin. */
  public boolean mayMove(Retro retro, String userId) {
    return retro.facilitator().equals(userId) || isAdmin.test(userId);
  }

  /**
   * Moves {@code retro} to {@code to} and, in the same transaction, records its Slack side: the
   * announcement's redraw, and the ranked topics (voting closed) or the notes (retro closed), which
   * the outbox posts in the retro's channel, overflow in the thread.
   *
   * @return the retro as moved
   * @throws DrumbeatException (a refusal for the user) when {@code userId} may not, or the move
   *     does not follow the phase order, or someone moved it first
   */
  public Retro move(Retro retro, RetroPhase to, String userId) {
    if (!mayMove(retro, userId)) {
      throw new DrumbeatException(
          "Only the facilitator (<@" + retro.facilitator() + ">) or an admin can do that.");
    }
    return jdbi.inTransaction(
        h -> {
          Retro moved = moveInDatabase(h.attach(RetroRepository.class), retro, to);
          publish(h, moved);
          return moved;
        });
  }

  private Retro moveInDatabase(RetroRepository repo, Retro retro, RetroPhase to) {
    int moved =
        switch (to) {
          case VOTING -> {
            expect(retro, RetroPhase.COLLECTING, "Voting can only open while collecting items.");
            if (repo.itemCount(retro.id()) == 0) {
              throw new DrumbeatException("There are no items to vote on yet.");
            }
            yield repo.openVoting(retro.id(), clock.instant());
          }
          case DISCUSSING -> {
            expect(retro, RetroPhase.VOTING, "Open voting first (`/retro vote`).");
            yield repo.move(retro.id(), RetroPhase.VOTING, RetroPhase.DISCUSSING);
          }
          case CLOSED -> repo.close(retro.id(), clock.instant());
          case COLLECTING -> throw new DrumbeatException("A retro cannot go back to collecting.");
        };
    if (moved == 0) {
      throw new DrumbeatException("Someone else moved this retro first; nothing changed.");
    }
    return repo.find(retro.id()).orElseThrow();
  }

  private void publish(Handle handle, Retro moved) {
    announcer.refresh(moved.id());
    if (moved.phase() == RetroPhase.DISCUSSING || moved.phase() == RetroPhase.CLOSED) {
      RetroReport report = reports.load(moved.id()).orElseThrow();
      boolean notes = moved.phase() == RetroPhase.CLOSED;
      String fallback = (notes ? "Retro notes: " : "Retro topics: ") + Mrkdwn.escape(moved.title());
      String prefix = (notes ? "retro-notes:" : "retro-topics:") + moved.id() + ":";
      int n = 0;
      for (List<LayoutBlock> message :
          notes ? RetroNotes.notes(report) : RetroNotes.topics(report)) {
        for (List<LayoutBlock> part : MessagePacker.pack(message)) {
          n++;
          Delivery post = Delivery.message(prefix + n, moved.channel(), Content.of(fallback, part));
          outbox.enqueue(handle, n == 1 ? post : post.inThreadOf(prefix + 1));
        }
      }
    }
  }

  private static void expect(Retro retro, RetroPhase phase, String otherwise) {
    if (retro.phase() != phase) {
      throw new DrumbeatException("The retro is " + retro.phase().label() + ". " + otherwise);
    }
  }
}
