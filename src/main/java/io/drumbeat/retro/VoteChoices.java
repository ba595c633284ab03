package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checkbox input of one group of the voting modal: an option per item ("#3 first words…", the
 * number it has in the modal; value its reference, {@link RetroKey#ref}), the voter's ticks as
 * {@code initial_options}.
 */
final class VoteChoices {
  /** Slack's limit on option text. */
  static final int MAX_OPTION_TEXT = 75;

  private VoteChoices() {}

  /** The optional checkbox input {@code blockId} for {@code group}, {@code selected} ticked. */
  static LayoutBlock group(String blockId, VotePages.Group group, Set<String> selected) {
    List<OptionObject> options = new ArrayList<>();
    List<OptionObject> ticked = new ArrayList<>();
    for (VotePages.Entry entry : group.entries()) {
      OptionObject option =
          OptionObject.builder().text(plainText(optionText(entry))).value(entry.ref()).build();
      options.add(option);
      if (selected.contains(entry.ref())) {
        ticked.add(option);
      }
    }
    List<VotePages.Entry> entries = group.entries();
    int from = entries.get(0).number();
    int to = entries.get(entries.size() - 1).number();
    String label = "Vote for " + (from == to ? "#" + from : "#" + from + "–#" + to);
    return input(
        i ->
            i.blockId(blockId)
                .optional(true)
                .label(plainText(label))
                .element(
                    checkboxes(
                        c ->
                            c.actionId(VoteModal.PICK)
                                .options(options)
                                .initialOptions(ticked.isEmpty() ? null : ticked))));
  }

  /**
   * "#3 first words…", at most {@value #MAX_OPTION_TEXT} characters. Plain text, which Slack shows
   * as typed and never turns into a mention or link.
   */
  static String optionText(VotePages.Entry entry) {
    String full = "#" + entry.number() + " " + entry.item().text().replaceAll("\\s+", " ").strip();
    if (full.length() <= MAX_OPTION_TEXT) {
      return full;
    }
    String cut = Mrkdwn.truncate(full, MAX_OPTION_TEXT);
    return cut.substring(0, cut.length() - 1).stripTrailing() + "…";
  }
}
