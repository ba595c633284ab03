package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.drumbeat.DrumbeatException;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * The facilitator's controls: an ephemeral message (only they see it) with buttons that move the
 * retro to its next phase. Button value: {@code "<retro id>:<phase>"}.
 */
final class RetroControls {
  /** {@code action_id} of the phase buttons. */
  public static final String MOVE = "retro_move";

  /** The news of a retro just started (mrkdwn). */
  static final String STARTED =
      ":white_check_mark: Started. Everyone can add items from the announcement.";

  private RetroControls() {}

  /** The control message for {@code retro}, after {@code news} (escaped mrkdwn, may be empty). */
  public static List<LayoutBlock> blocks(Retro retro, String news) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String head =
        (news.isEmpty() ? "" : news + "\n")
            + "Retro *"
            + Mrkdwn.escape(retro.title())
            + "* in <#"
            + retro.channel()
            + "> is "
            + retro.phase().label()
            + "."
            + (retro.isOpen() ? " Only you see these controls." : "");
    blocks.add(section(s -> s.text(markdownText(head))));
    List<BlockElement> buttons = buttons(retro);
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("retro_controls").elements(buttons)));
    }
    return blocks;
  }

  /**
   * Reads a button value: the retro id and the phase to move to (who may move it is checked by
   * {@link RetroPhases#move}).
   *
   * @throws DrumbeatException when it is not a value these controls wrote
   */
  public static Move parse(String value) {
    try {
      String[] parts = value.split(":", 2);
      return new Move(Long.parseLong(parts[0]), RetroPhase.valueOf(parts[1]));
    } catch (RuntimeException e) {
      throw new DrumbeatException("That button is out of date.", e);
    }
  }

  /**
   * A requested phase move.
   *
   * @param retroId the retro
   * @param to the phase to move to
   */
  public record Move(long retroId, RetroPhase to) {}

  private static List<BlockElement> buttons(Retro retro) {
    return switch (retro.phase()) {
      case COLLECTING -> List.of(move(retro, RetroPhase.VOTING, "Open voting", true), close(retro));
      case VOTING ->
          List.of(
              move(retro, RetroPhase.DISCUSSING, "Close voting, rank topics", true), close(retro));
      case DISCUSSING ->
          List.of(
              button(
                  b ->
                      b.actionId(RetroAnnouncement.ADD_ACTION)
                          .text(plainText("Add action"))
                          .value(String.valueOf(retro.id()))),
              close(retro));
      case CLOSED -> List.of();
    };
  }

  private static BlockElement close(Retro retro) {
    return move(retro, RetroPhase.CLOSED, "Close and post notes", false);
  }

  private static BlockElement move(Retro retro, RetroPhase to, String label, boolean primary) {
    return button(
        b ->
            b.actionId(MOVE + "_" + to.name().toLowerCase(java.util.Locale.ROOT))
                .text(plainText(label))
                .value(retro.id() + ":" + to.name())
                .style(primary ? "primary" : null));
  }
}
