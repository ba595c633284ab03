package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.delivery.Content;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * The Slack messages of a mid-quarter OKR change: the approvers' DM with the diff and *Approve* /
 * *Reject*, and the notices of the decision. Each stays within Block Kit's limits for any diff: at
 * most {@value #MAX_DIFF_JSON} characters of JSON of diff in sections of at most 3000 characters,
 * the rest counted.
 */
final class ChangeMessages {
  /** {@code action_id} of the Approve button; its value is the change id. */
  static final String APPROVE = "okr-change-approve";

  /** {@code action_id} of the Reject button; its value is the change id. */
  static final String REJECT = "okr-change-reject";

  /**
   * Most characters of JSON that the diff's sections take in one message, as {@link
   * MessagePacker#jsonSize} counts them, so the whole message stays under {@link
   * MessagePacker#MAX_JSON_CHARS}.
   */
  static final int MAX_DIFF_JSON = 8000;

  private ChangeMessages() {}

  /** The approvers' DM: who proposed what, the diff, and the two buttons. */
  static Content request(long id, String quarter, String proposedBy, List<KrDiff> diff) {
    String head =
        ":memo: *A mid-quarter change to the "
            + Mrkdwn.escape(quarter)
            + " OKRs needs your sign-off* (change #"
            + id
            + ", "
            + by(proposedBy)
            + "). Nothing changes until an approver approves it; check-ins are kept.";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(head))));
    blocks.addAll(diffBlocks(diff));
    String value = Long.toString(id);
    blocks.add(
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(APPROVE)
                                    .text(plainText("Approve"))
                                    .style("primary")
                                    .value(value)),
                        button(
                            b ->
                                b.actionId(REJECT)
                                    .text(plainText("Reject"))
                                    .style("danger")
                                    .value(value))))));
    return Content.of("OKR change #" + id + " for " + quarter + " needs your sign-off", blocks);
  }

  /**
   * A decision's notice (for the importer, the channel and the other approvers), with the diff.
   *
   * @param approved true for approved, false for rejected
   */
  static Content decided(
      long id, String quarter, String proposedBy, List<KrDiff> diff, boolean approved, String by) {
    String head =
        (approved ? ":white_check_mark: " : ":no_entry_sign: ")
            + "<@"
            + by
            + "> *"
            + (approved ? "approved" : "rejected")
            + "* the mid-quarter change #"
            + id
            + " to the "
            + Mrkdwn.escape(quarter)
            + " OKRs ("
            + by(proposedBy)
            + "). "
            + (approved ? "It applies now; every check-in is kept." : "Nothing changed.");
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(head))));
    blocks.addAll(diffBlocks(diff));
    String text = "OKR change #" + id + " for " + quarter + (approved ? " approved" : " rejected");
    return Content.of(text, blocks);
  }

  /** Why a click changed nothing (already decided, superseded, not an approver). */
  static String answer(OkrChange change) {
    return switch (change.state()) {
      case "APPROVED" ->
          "Change #" + change.id() + " was already approved by <@" + change.decidedBy() + ">.";
      case "REJECTED" ->
          "Change #" + change.id() + " was already rejected by <@" + change.decidedBy() + ">.";
      case "SUPERSEDED" ->
          "Change #"
              + change.id()
              + " was replaced by a later import of "
              + Mrkdwn.escape(change.quarter())
              + " and changes nothing.";
      default -> "Change #" + change.id() + " is still waiting for a sign-off.";
    };
  }

  private static String by(String proposedBy) {
    return proposedBy == null
        ? "imported on the command line"
        : "imported by <@" + proposedBy + ">";
  }

  private static List<LayoutBlock> diffBlocks(List<KrDiff> diff) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder section = new StringBuilder();
    int shown = 0;
    int total = 0;
    for (String line : OkrDiff.mrkdwn(diff)) {
      int cost = MessagePacker.jsonSize(section(s -> s.text(markdownText(line))));
      if (total + cost > MAX_DIFF_JSON) {
        break;
      }
      if (section.length() + line.length() + 1 > Mrkdwn.MAX_TEXT) {
        String text = section.toString();
        blocks.add(section(s -> s.text(markdownText(text))));
        section.setLength(0);
      }
      section.append(line).append('\n');
      total += cost;
      shown++;
    }
    if (section.length() > 0) {
      String text = section.toString();
      blocks.add(section(s -> s.text(markdownText(text))));
    }
    if (shown < diff.size()) {
      int more = diff.size() - shown;
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              "…and "
                                  + more
                                  + " more changed key results (`okrs import --dry-run FILE`"
                                  + " lists them all)")))));
    }
    return blocks;
  }
}
