package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The blocks of the DM that asks a KR owner for their KR retrospectives: an introduction, then one
 * section per KR (at most {@value #MAX_LISTED}, within Slack's 50 blocks per message) with a
 * *Write* button, or *Edit* and "written" when there is one already.
 */
final class KrRetroPrompt {
  /** {@code action_id} of the per-KR button; its value is {@code QUARTER|KR_KEY}. */
  static final String WRITE = "okr_kr_retro_write";

  /** Most KRs listed in one DM. */
  static final int MAX_LISTED = 45;

  private KrRetroPrompt() {}

  /**
   * The DM's blocks.
   *
   * @param title "Write your KR retrospective" or the reminder's wording
   * @param krs the owner's KRs of the quarter, in file order
   * @param written keys of the KRs that have a retrospective already
   */
  static List<LayoutBlock> blocks(
      String title, String quarter, List<KeyResult> krs, Set<String> written) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String intro =
        "*"
            + title
            + "* for "
            + quarter
            + ". Before the quarterly retro, each KR's owner fills in its retrospective slide:"
            + " the outcome in one line, what worked, what didn't, what we learned. It goes on the"
            + " scorecard, and you can edit it until the scorecard is final.";
    blocks.add(section(s -> s.text(markdownText(intro))));
    for (KeyResult kr : krs.stream().limit(MAX_LISTED).toList()) {
      boolean done = written.contains(kr.krKey());
      String text =
          Mrkdwn.truncate(CheckInText.title(kr), 2900)
              + (done ? "\n:white_check_mark: written" : "");
      blocks.add(
          section(
              s ->
                  s.text(markdownText(text))
                      .accessory(
                          button(
                              b ->
                                  b.actionId(WRITE)
                                      .text(plainText(done ? "Edit" : "Write"))
                                      .value(kr.quarter() + "|" + kr.krKey())))));
    }
    if (krs.size() > MAX_LISTED) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "…and "
                              + (krs.size() - MAX_LISTED)
                              + " more KRs; each reminder lists the first "
                              + MAX_LISTED
                              + "."))));
    }
    return blocks;
  }
}
