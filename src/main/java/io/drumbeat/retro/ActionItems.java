package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.Background;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.UserDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Records action items ({@code /retro action} or the "Add action" modal) and tells each owner in a
 * DM with a "Mark done" button ({@code action_id} {@value #DONE}, value the action id).
 */
final class ActionItems {
  /** {@code action_id} of "Mark done" in the owner's DM. */
  public static final String DONE = "retro_action_done";

  private final Jdbi jdbi;
  private final SlackGateway slack;
  private final UserDirectory users;
  private final Announcer announcer;
  private final Background background;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param jdbi database
   * @param slack Web API
   * @param users DM channels
   * @param announcer redraws the announcement (its action count)
   * @param background where DMs go after the ack
   * @param clock the time source
   * @param zone the organisation's zone (what "today" is for due dates)
   */
  public ActionItems(
      Jdbi jdbi,
      SlackGateway slack,
      UserDirectory users,
      Announcer announcer,
      Background background,
      Clock clock,
      ZoneId zone) {
    this.jdbi = jdbi;
    this.slack = slack;
    this.users = users;
    this.announcer = announcer;
    this.background = background;
    this.clock = clock;
    this.zone = zone;
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
   * Records an action item of an open retro and DMs its owner after the ack.
   *
   * @return the confirmation for the caller (mrkdwn)
   */
  public String record(Retro retro, ActionOptions a) {
    ActionRepository repo = jdbi.onDemand(ActionRepository.class);
    long id =
        repo.add(retro.id(), retro.channel(), a.text(), a.owner(), a.dueDate(), clock.instant());
    ActionItem item = repo.find(id).orElseThrow();
    background.run("tell an action item's owner", () -> tellOwner(retro, item));
    announcer.refresh(retro.id());
    return ":white_check_mark: Action item recorded for <@" + a.owner() + ">; I'll DM them.";
  }

  /**
   * Marks an action item done for its owner and returns the DM's new blocks.
   *
   * @throws DrumbeatException when it is not theirs
   */
  public List<LayoutBlock> markDone(long id, String userId) {
    ActionRepository repo = jdbi.onDemand(ActionRepository.class);
    ActionItem item =
        repo.find(id).orElseThrow(() -> new DrumbeatException("That action item is gone."));
    if (!item.owner().equals(userId)) {
      throw new DrumbeatException("Only <@" + item.owner() + "> can mark this done.");
    }
    repo.markDone(id, userId, clock.instant());
    Retro retro = jdbi.onDemand(RetroRepository.class).find(item.retroId()).orElseThrow();
    return dm(retro, repo.find(id).orElseThrow());
  }

  private void tellOwner(Retro retro, ActionItem item) {
    String dm = users.dmChannel(item.owner());
    var posted = slack.post(dm, fallback(retro), dm(retro, item), null);
    jdbi.onDemand(ActionRepository.class).setDm(item.id(), posted.channel(), posted.ts());
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
