package io.drumbeat.okr;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The four inputs of one KR in the check-in modal: status, current value, confidence and note.
 * Block ids are {@code PREFIX + "status"} etc. ({@code PREFIX} is "" or "KR1.2:"), which is how
 * {@link CheckInForm} reads them back. Texts respect Slack's limits (option text 75, label and hint
 * 2000 characters).
 */
final class CheckInFields {
  private CheckInFields() {}

  /**
   * The inputs for {@code kr}, prefilled from {@code last}.
   *
   * @param kr the key result, or null before one is chosen in single mode
   * @param last the latest check-in to prefill from, or null
   * @param allOptional true in "all" mode, where a blank section is skipped
   */
  static List<LayoutBlock> of(String prefix, KeyResult kr, CheckIn last, boolean allOptional) {
    String unit = kr == null || kr.unit() == null ? "" : " (" + kr.unit() + ")";
    String target =
        kr == null ? "Numbers only, e.g. 97.5" : "Numbers only · " + kr.describeTarget();
    BigDecimal lastValue = last == null ? null : last.currentValue();
    return List.of(
        select(
            prefix + "status",
            "status",
            "Status",
            null,
            allOptional,
            statusOptions(),
            last == null ? null : statusOption(last.status())),
        text(
            prefix + "value",
            "value",
            "Current value" + unit,
            target,
            allOptional || kr == null || !kr.isMeasured(),
            lastValue == null ? null : lastValue.stripTrailingZeros().toPlainString()),
        select(
            prefix + "confidence",
            "confidence",
            "Confidence (1-10)",
            "How likely the KR hits its target this quarter: 1 very unlikely, 10 certain",
            allOptional,
            confidenceOptions(),
            last == null || last.confidence() == null ? null : confidenceOption(last.confidence())),
        input(
            i ->
                i.blockId(prefix + "note")
                    .optional(true)
                    .label(plainText("Note"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId("note")
                                    .multiline(true)
                                    .maxLength(CheckIn.MAX_NOTE)
                                    .placeholder(plainText("What moved, risks, next"))))));
  }

  /** An option with its text clipped to Slack's 75 characters. */
  static OptionObject option(String text, String value) {
    return OptionObject.builder().text(plainText(CheckInModal.clip(text, 75))).value(value).build();
  }

  private static LayoutBlock select(
      String blockId,
      String actionId,
      String label,
      String hint,
      boolean optional,
      List<OptionObject> options,
      OptionObject initial) {
    return input(
        i -> {
          i.blockId(blockId).optional(optional).label(plainText(label));
          if (hint != null) {
            i.hint(plainText(hint));
          }
          return i.element(
              staticSelect(
                  s -> {
                    s.actionId(actionId).options(options);
                    return initial == null ? s : s.initialOption(initial);
                  }));
        });
  }

  private static LayoutBlock text(
      String blockId,
      String actionId,
      String label,
      String hint,
      boolean optional,
      String initial) {
    return input(
        i ->
            i.blockId(blockId)
                .optional(optional)
                .label(plainText(CheckInModal.clip(label, 2000)))
                .hint(plainText(CheckInModal.clip(hint, 2000)))
                .element(
                    plainTextInput(p -> p.actionId(actionId).maxLength(40).initialValue(initial))));
  }

  private static List<OptionObject> statusOptions() {
    return Arrays.stream(CheckInStatus.values()).map(CheckInFields::statusOption).toList();
  }

  private static OptionObject statusOption(CheckInStatus status) {
    return option(status.label(), status.name());
  }

  private static List<OptionObject> confidenceOptions() {
    return IntStream.rangeClosed(CheckIn.MIN_CONFIDENCE, CheckIn.MAX_CONFIDENCE)
        .mapToObj(CheckInFields::confidenceOption)
        .toList();
  }

  private static OptionObject confidenceOption(int level) {
    String label =
        switch (level) {
          case 1 -> "1 - very unlikely";
          case 5 -> "5 - coin flip";
          case 10 -> "10 - certain";
          default -> String.valueOf(level);
        };
    return option(label, String.valueOf(level));
  }
}
