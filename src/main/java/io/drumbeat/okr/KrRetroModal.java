package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.ViewValues;
import java.util.List;
import java.util.Map;

/**
 * The modal in which a KR owner writes (or edits) their KR retrospective: the outcome in one line,
 * what worked, what didn't, what we learned. Its {@code private_metadata} is {@code
 * QUARTER|KR_KEY}, checked again against the submitting user on every submission.
 */
final class KrRetroModal {
  /** The modal's {@code callback_id}. */
  static final String CALLBACK_ID = "okr_kr_retro";

  /** {@code action_id} of every input (block ids tell them apart). */
  static final String VALUE = "value";

  static final String OUTCOME = "outcome";
  static final String WORKED = "worked";
  static final String DIDNT = "didnt";
  static final String LEARNED = "learned";

  private KrRetroModal() {}

  /** The form for {@code kr}, filled with {@code existing} when the owner wrote one before. */
  static View view(KeyResult kr, KrRetro existing) {
    String about =
        "*"
            + Mrkdwn.escape(kr.krKey())
            + "* "
            + Mrkdwn.escape(kr.title())
            + " · "
            + Mrkdwn.escape(kr.quarter())
            + "\nYour retrospective slide for the quarterly retro; you can edit it until the"
            + " scorecard is final.";
    List<LayoutBlock> blocks =
        List.of(
            section(s -> s.text(markdownText(Mrkdwn.truncate(about, Mrkdwn.MAX_TEXT)))),
            field(OUTCOME, "Outcome in one line", false, KrRetro.MAX_OUTCOME, existing, true),
            field(WORKED, "What worked", true, KrRetro.MAX_TEXT, existing, false),
            field(DIDNT, "What didn't", true, KrRetro.MAX_TEXT, existing, false),
            field(LEARNED, "What we learned", true, KrRetro.MAX_TEXT, existing, false));
    return com.slack.api.model.view.Views.view(
        v ->
            v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(kr.quarter() + "|" + kr.krKey())
                .title(viewTitle(t -> t.type("plain_text").text("KR retrospective")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Save")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  private static LayoutBlock field(
      String id, String label, boolean multiline, int max, KrRetro existing, boolean required) {
    String initial = existing == null ? null : text(existing, id);
    return input(
        i ->
            i.blockId(id)
                .optional(!required)
                .label(plainText(label))
                .element(
                    plainTextInput(
                        p -> {
                          p.actionId(VALUE).multiline(multiline).maxLength(max);
                          return initial == null ? p : p.initialValue(initial);
                        })));
  }

  private static String text(KrRetro retro, String id) {
    return switch (id) {
      case OUTCOME -> retro.outcome();
      case WORKED -> retro.worked();
      case DIDNT -> retro.didnt();
      default -> retro.learned();
    };
  }

  /** The submitted answers: trimmed, blank as null. */
  record Answers(String outcome, String worked, String didnt, String learned) {}

  /** Reads the submitted values. */
  static Answers read(Map<String, Map<String, ViewState.Value>> values) {
    return new Answers(
        value(values, OUTCOME),
        value(values, WORKED),
        value(values, DIDNT),
        value(values, LEARNED));
  }

  /** Field errors by block id (empty when valid): a missing outcome, a line break, lengths. */
  static Map<String, String> errors(Answers a) {
    if (a.outcome() == null) {
      return Map.of(OUTCOME, "Write the outcome in one line.");
    }
    if (a.outcome().contains("\n")) {
      return Map.of(OUTCOME, "Keep the outcome to one line.");
    }
    if (a.outcome().length() > KrRetro.MAX_OUTCOME) {
      return Map.of(OUTCOME, "At most " + KrRetro.MAX_OUTCOME + " characters.");
    }
    for (String[] f :
        new String[][] {{WORKED, a.worked()}, {DIDNT, a.didnt()}, {LEARNED, a.learned()}}) {
      if (f[1] != null && f[1].length() > KrRetro.MAX_TEXT) {
        return Map.of(f[0], "At most " + KrRetro.MAX_TEXT + " characters.");
      }
    }
    return Map.of();
  }

  private static String value(Map<String, Map<String, ViewState.Value>> values, String block) {
    String v = ViewValues.get(values, block, VALUE).getValue();
    return v == null || v.isBlank() ? null : v.strip();
  }
}
