package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily-update modal ({@code callback_id} {@value #CALLBACK_ID}): the handbook's questions,
 * prefilled with the day's update when there is one. {@code private_metadata} carries only the date
 * ({@code 2026-11-23}); the author is always the user Slack says submitted it.
 */
final class DailyModal {
  /** {@code callback_id} of the modal. */
  public static final String CALLBACK_ID = "daily_update";

  private DailyModal() {}

  /** The modal for {@code date}, prefilled from {@code existing} (may be null). */
  public static View build(LocalDate date, DailyUpdate existing, List<String> channels) {
    String where =
        channels.isEmpty()
            ? ""
            : " · posted in "
                + String.join(", ", channels.stream().map(c -> "<#" + c + ">").toList());
    List<LayoutBlock> blocks =
        List.of(
            context(List.of(markdownText("Daily update for *" + date + "*" + where))),
            field(
                "yesterday",
                "What took up your time in the past day?",
                "One item per line; links are kept",
                false,
                existing == null ? null : existing.yesterday()),
            field(
                "next",
                "What do you plan to work on next?",
                "Optional",
                true,
                existing == null ? null : existing.nextUp()),
            field(
                "blockers",
                "Anything blocking you?",
                "Optional",
                true,
                existing == null ? null : existing.blockers()));
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("Daily update").build())
        .submit(
            ViewSubmit.builder()
                .type("plain_text")
                .text(existing == null ? "Post" : "Update")
                .build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .privateMetadata(date.toString())
        .blocks(blocks)
        .build();
  }

  private static LayoutBlock field(
      String id, String label, String hint, boolean optional, String initial) {
    return input(
        i ->
            i.blockId(id)
                .optional(optional)
                .label(plainText(label))
                .hint(plainText(hint))
                .element(
                    plainTextInput(
                        p ->
                            p.actionId("text")
                                .multiline(true)
                                .maxLength(DailyUpdate.MAX_FIELD)
                                .initialValue(initial))));
  }

  /**
   * The date a submitted modal was for.
   *
   * @param privateMetadata the view's {@code private_metadata}, as Slack sent it back
   * @return the date, or empty when it is not an ISO date (a form this version did not write)
   */
  public static Optional<LocalDate> date(String privateMetadata) {
    try {
      return Optional.of(LocalDate.parse(privateMetadata == null ? "" : privateMetadata));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a submission: the three answers by block id, or errors by block id.
   *
   * @return errors (block_id → message), empty when valid
   */
  public static Map<String, String> errors(Map<String, String> answers) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (DailyText.items(answers.get("yesterday")).isEmpty()) {
      errors.put("yesterday", "Write at least one thing that took up your time, one per line.");
    }
    for (var e : answers.entrySet()) {
      if (e.getValue() != null && e.getValue().length() > DailyUpdate.MAX_FIELD) {
        errors.put(
            e.getKey(),
            "Keep it under "
                + DailyUpdate.MAX_FIELD
                + " characters (it has "
                + e.getValue().length()
                + ").");
      }
    }
    return errors;
  }

  /** The answers in {@code view.state.values}: block id → text (null when empty). */
  public static Map<String, String> answers(Map<String, Map<String, ViewState.Value>> values) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String id : List.of("yesterday", "next", "blockers")) {
      Map<String, ViewState.Value> block = values == null ? null : values.get(id);
      ViewState.Value v = block == null ? null : block.get("text");
      answers.put(
          id,
          v == null || v.getValue() == null || v.getValue().isBlank()
              ? null
              : v.getValue().strip());
    }
    return answers;
  }
}
