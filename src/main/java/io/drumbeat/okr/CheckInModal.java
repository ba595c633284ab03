package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check-in modal ({@code callback_id} {@value #CALLBACK_ID}). Single mode has a KR select
 * (dispatching {@value #KR_SELECT} so the view follows the chosen KR) and one set of fields; "all"
 * mode has one section per KR, with optional fields so unchanged KRs can be skipped. At most
 * {@value #MAX_SECTIONS} sections keep it under Slack's 100 blocks per modal.
 */
final class CheckInModal {
  /** {@code callback_id} of the modal. */
  public static final String CALLBACK_ID = "okr_checkin";

  /** {@code action_id} of the KR select in single mode. */
  public static final String KR_SELECT = "okr_kr_select";

  /** Most KR sections in one modal (6 blocks each, 100 blocks per modal). */
  public static final int MAX_SECTIONS = 15;

  private CheckInModal() {}

  /**
   * Builds the modal.
   *
   * @param state what goes into {@code private_metadata}
   * @param krs the KRs offered, in order (at most 100 for the select, {@link #MAX_SECTIONS} in all
   *     mode)
   * @param last each KR's latest earlier check-in, used to prefill, by KR key
   * @param selected the KR preselected in single mode, or null
   */
  public static View build(
      ModalState state, List<KeyResult> krs, Map<String, CheckIn> last, KeyResult selected) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        context(List.of(markdownText("Check-in for *" + state.week() + "* · " + state.quarter()))));
    if (state.all()) {
      for (KeyResult kr : krs) {
        blocks.add(describe(kr, last.get(kr.krKey())));
        // No prefill here: an untouched section must stay blank so it is skipped.
        blocks.addAll(CheckInFields.of(kr.krKey() + ":", kr, null, true));
        blocks.add(divider());
      }
    } else {
      blocks.add(krSelect(krs, selected));
      if (selected != null) {
        blocks.add(describe(selected, last.get(selected.krKey())));
      }
      blocks.addAll(
          CheckInFields.of(
              "", selected, selected == null ? null : last.get(selected.krKey()), false));
    }
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("KR check-in").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Save").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .privateMetadata(state.toJson())
        .blocks(blocks)
        .build();
  }

  /**
   * The modal that replaces a form Drumbeat can no longer read (its {@code private_metadata} was
   * written by another version, or names a week or quarter it cannot have shown): an explanation
   * and a Close button, nothing to submit.
   */
  public static View outOfDate() {
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("KR check-in").build())
        .close(ViewClose.builder().type("plain_text").text("Close").build())
        .blocks(
            List.of(
                section(
                    s ->
                        s.text(
                            markdownText(
                                ":warning: This check-in form is out of date: Drumbeat can no"
                                    + " longer tell which week and key results it was for, so"
                                    + " nothing was saved. Close it and run `/okr-update` again.")))))
        .build();
  }

  private static LayoutBlock krSelect(List<KeyResult> krs, KeyResult selected) {
    List<OptionObject> options = krs.stream().limit(100).map(CheckInModal::option).toList();
    return input(
        i ->
            i.blockId("kr")
                .dispatchAction(true)
                .label(plainText("Key result"))
                .element(
                    staticSelect(
                        s -> {
                          s.actionId(KR_SELECT)
                              .options(options)
                              .placeholder(plainText("Choose a KR"));
                          return selected == null ? s : s.initialOption(option(selected));
                        })));
  }

  private static OptionObject option(KeyResult kr) {
    return CheckInFields.option(kr.krKey() + " " + kr.title(), kr.krKey());
  }

  private static LayoutBlock describe(KeyResult kr, CheckIn last) {
    String lastText =
        last == null
            ? "no check-in yet"
            : "last: "
                + last.status().label()
                + ", "
                + kr.format(last.currentValue())
                + " ("
                + last.isoWeek()
                + ")";
    String text =
        "*"
            + Mrkdwn.escape(kr.krKey())
            + "* "
            + Mrkdwn.escape(kr.title())
            + "\n"
            + Mrkdwn.escape(kr.describeTarget())
            + " · "
            + lastText;
    return section(
        s ->
            s.blockId("about:" + kr.krKey())
                .text(markdownText(Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT))));
  }

  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
