package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.DrumbeatException;
import io.drumbeat.HomeRefresh;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.delivery.OutboxRow;
import io.drumbeat.delivery.Renderer;
import io.drumbeat.slack.Mrkdwn;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records action items ({@code /retro action} or the "Add action" modal) and, in the same
 * transaction, the owner's DM with a "Mark done" button ({@code action_id} {@value #DONE}, value
 * the action id). The DM is drawn from the action item when delivered (key {@code
 * retro-action:ID}), so marking it done edits it in place.
 */
final class ActionItems implements Renderer {
  /** {@code action_id} of "Mark done" in the owner's DM. */
  public static final String DONE = "retro_action_done";

  /** Renderer kind of an owner's DM. */
  static final String KIND = "retro-action";

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final Announcer announcer;
  private final Clock clock;
  private final ZoneId zone;
  private final HomeRefresh home;

  /**
   * @param jdbi database
   * @param outbox where owners' DMs are recorded; this renderer registers itself there
   * @param announcer redraws the announcement (its action count)
   * @param clock the time source
   * @param zone the organisation's zone (what "today" is for due dates)
   * @param home redraws the owner's App Home after a change to their items, in its transaction
   */
  ActionItems(
      Jdbi jdbi, Outbox outbox, Announcer announcer, Clock clock, ZoneId zone, HomeRefresh home) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.announcer = announcer;
    this.clock = clock;
    this.zone = zone;
    this.home = home;
    outbox.register(KIND, this);
  }

  /** Today in the organisation's zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /**
   * Records the action item of {@code /retro action TEXT @owner [DATE]}; the DM goes out after.
   *
   * @return the confirmation for the caller (mrkdwn)
   * @throws DrumbeatException (for the user) when the text does not parse
   */
  public String add(Retro retro, String args) {
    return record(retro, ActionOptions.parse(args, today()));
  }

  /**
   * Records an action item of an open retro, its owner's DM and the announcement's redraw, in one
   * transaction.
   *
   * @return the confirmation for the caller (mrkdwn)
   */
  public String record(Retro retro, ActionOptions a) {
    return record(retro, a, null, null);
  }

  /**
   * Records an action item like {@link #record(Retro, ActionOptions)}, linked to KR {@code krKey}
   * of {@code quarter} when both are given (the KR's next digest line shows it while it is open).
   *
   * @return the confirmation for the caller (mrkdwn)
   */
  public String record(Retro retro, ActionOptions a, String quarter, String krKey) {
    jdbi.useTransaction(
        h -> {
          long id =
              h.attach(ActionRepository.class)
                  .add(
                      retro.id(),
                      retro.channel(),
                      a.text(),
                      a.owner(),
                      a.dueDate(),
                      clock.instant());
          if (quarter != null && krKey != null) {
            h.attach(ActionRepository.class).linkKr(id, quarter, krKey);
          }
          outbox.draw(h, dmDelivery(id, a.owner()));
          announcer.refresh(retro.id());
          home.redraw(h, a.owner());
        });
    return ":white_check_mark: Action item recorded for <@" + a.owner() + ">; I'll DM them.";
  }

  /**
   * Marks an action item done for its owner; its DM is redrawn.
   *
   * @throws DrumbeatException when it is gone or not theirs
   */
  public void markDone(long id, String userId) {
    jdbi.useTransaction(
        h -> {
          ActionRepository repo = h.attach(ActionRepository.class);
          ActionItem item =
              repo.find(id).orElseThrow(() -> new DrumbeatException("That action item is gone."));
          if (!item.owner().equals(userId)) {
            throw new DrumbeatException("Only <@" + item.owner() + "> can mark this done.");
          }
          if (repo.markDone(id, userId, clock.instant()) == 1) {
            outbox.draw(h, dmDelivery(id, item.owner()));
            home.redraw(h, userId);
          }
        });
  }

  private static Delivery dmDelivery(long id, String owner) {
    return Delivery.drawn(KIND + ":" + id, KIND, String.valueOf(id), owner);
  }

  @Override
  public Optional<Content> render(Handle handle, OutboxRow row) {
    ActionRepository actions = handle.attach(ActionRepository.class);
    return actions
        .find(Long.parseLong(row.subject()))
        .flatMap(
            item ->
                handle
                    .attach(RetroRepository.class)
                    .find(item.retroId())
                    .map(retro -> Content.of(fallback(retro), dm(retro, item))));
  }

  /** The owner's DM about {@code item}: what, where from, due, and "Mark done" while open. */
  static List<LayoutBlock> dm(Retro retro, ActionItem item) {
    String text =
        (item.isOpen()
                ? ":pushpin: You own an action item"
                : ":white_check_mark: Done: action item")
            + " from the retro *"
            + Mrkdwn.escape(retro.title())
            + "* in <#"
            + retro.channel()
            + ">:\n>"
            + Mrkdwn.escape(item.text()).replace("\n", "\n>")
            + (item.dueDate() == null ? "" : "\nDue " + item.dueDate() + ".");
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT)))));
    if (item.isOpen()) {
      blocks.add(
          actions(
              a ->
                  a.elements(
                      List.of(
                          button(
                              b ->
                                  b.actionId(DONE)
                                      .text(plainText("Mark done"))
                                      .style("primary")
                                      .value(String.valueOf(item.id())))))));
    }
    return blocks;
  }

  private static String fallback(Retro retro) {
    return "Action item from the retro " + Mrkdwn.escape(retro.title());
  }
}
