package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.drumbeat.DrumbeatException;
import io.drumbeat.okr.KeyResult;
import io.drumbeat.slack.ViewValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Add action" modal ({@code callback_id} {@value #CALLBACK_ID}): text, owner (users select)
 * and an optional due date (date picker). {@code private_metadata}: {@code "<retro id>:<seal>"},
 * the seal ({@link RetroKey#seal}) binding the retro id to the person the modal was opened for.
 */
final class ActionModal {
  /** {@code callback_id} of the modal. */
  public static final String CALLBACK_ID = "retro_action";

  private static final String PURPOSE = "action";

  private ActionModal() {}

  /**
   * The retro id a submitted modal's {@code private_metadata} names.
   *
   * @throws DrumbeatException when this version did not write it
   */
  static long retroId(String metadata) {
    String[] parts = metadata == null ? new String[0] : metadata.split(":", -1);
    try {
      if (parts.length == 2) {
        return Long.parseLong(parts[0]);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new DrumbeatException(
        "This form is out of date. Open it again from the retro's announcement.");
  }

  /** True when {@code metadata} is that of a modal opened for {@code userId}. */
  static boolean openedFor(String metadata, RetroKey key, String userId) {
    long retroId = retroId(metadata);
    return key.opens(metadata.split(":", -1)[1], PURPOSE, userId, Long.toString(retroId));
  }

  /** Most KRs offered in the optional KR select (Slack's limit for a static select's options). */
  static final int MAX_KRS = 100;

  /** Longest option text of the KR select, in characters (Slack's limit is 75). */
  static final int MAX_OPTION = 75;

  /** The empty modal for retro {@code retroId} (whose key is {@code key}), opened for a user. */
  public static View build(long retroId, RetroKey key, String userId) {
    return build(retroId, key, userId, List.of());
  }

  /**
   * The empty modal, with an optional select of {@code krs} (the first {@value #MAX_KRS}; none when
   * empty) to link the action item to a KR.
   */
  public static View build(long retroId, RetroKey key, String userId, List<KeyResult> krs) {
    List<LayoutBlock> blocks = new ArrayList<>(fields());
    if (!krs.isEmpty()) {
      List<OptionObject> options =
          krs.stream()
              .limit(MAX_KRS)
              .map(
                  kr -> OptionObject.builder().text(plainText(label(kr))).value(kr.krKey()).build())
              .toList();
      blocks.add(
          input(
              i ->
                  i.blockId("kr")
                      .optional(true)
                      .label(plainText("Key result (optional)"))
                      .element(staticSelect(s -> s.actionId("kr").options(options)))));
    }
    return modal(retroId, key, userId, blocks);
  }

  private static String label(KeyResult kr) {
    String text = kr.krKey() + " " + kr.title();
    return text.length() <= MAX_OPTION ? text : text.substring(0, MAX_OPTION - 1) + "…";
  }

  private static View modal(long retroId, RetroKey key, String userId, List<LayoutBlock> blocks) {
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("Add action item").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Add").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .privateMetadata(retroId + ":" + key.seal(PURPOSE, userId, Long.toString(retroId)))
        .blocks(blocks)
        .build();
  }

  private static List<LayoutBlock> fields() {
    return List.of(
        input(
            i ->
                i.blockId("text")
                    .label(plainText("What is to be done?"))
                    .element(
                        plainTextInput(
                            t ->
                                t.actionId("text")
                                    .multiline(true)
                                    .maxLength(ActionItem.MAX_TEXT)))),
        input(
            i ->
                i.blockId("owner")
                    .label(plainText("Owner"))
                    .element(usersSelect(u -> u.actionId("owner")))),
        input(
            i ->
                i.blockId("due")
                    .optional(true)
                    .label(plainText("Due date"))
                    .element(datePicker(d -> d.actionId("due")))));
  }

  /**
   * Reads a submission.
   *
   * @param today today in the organisation's zone; an earlier due date is an error
   * @return the action, or errors by {@code block_id} (exactly one of the two is non-null)
   */
  public static Result read(Map<String, Map<String, ViewState.Value>> values, LocalDate today) {
    String text = ViewValues.get(values, "text", "text").getValue();
    String owner = ViewValues.get(values, "owner", "owner").getSelectedUser();
    String due = ViewValues.get(values, "due", "due").getSelectedDate();
    var kr = ViewValues.get(values, "kr", "kr").getSelectedOption();
    Map<String, String> errors = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      errors.put("text", "Say what is to be done.");
    } else if (text.strip().length() > ActionItem.MAX_TEXT) {
      errors.put("text", "Keep it under " + ActionItem.MAX_TEXT + " characters.");
    }
    if (owner == null) {
      errors.put("owner", "Choose who owns it.");
    }
    LocalDate dueDate = due == null ? null : LocalDate.parse(due);
    if (dueDate != null && dueDate.isBefore(today)) {
      errors.put("due", "That date is in the past (today is " + today + ").");
    }
    return errors.isEmpty()
        ? new Result(
            new ActionOptions(text.strip(), owner, dueDate),
            kr == null ? null : kr.getValue(),
            null)
        : new Result(null, null, errors);
  }

  /**
   * A read submission.
   *
   * @param action what was asked for, or null when invalid
   * @param krKey the key of the KR chosen to link it to, or null (checked against the retro's
   *     quarter when recorded)
   * @param errors field errors by {@code block_id}, or null when valid
   */
  public record Result(ActionOptions action, String krKey, Map<String, String> errors) {}
}
