package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.ViewValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Add item" modal ({@code callback_id} {@value #CALLBACK_ID}): the prompt it answers and the
 * text. Editing a named item adds "Delete this item". {@code private_metadata}: {@code "<retro
 * id>:<item ref or empty>:<seal>"}, the seal binding both to the person it was opened for ({@link
 * ItemForm}).
 */
final class ItemModal {
  /** {@code callback_id} of the modal. */
  public static final String CALLBACK_ID = "retro_item";

  private ItemModal() {}

  /**
   * The modal for a new item of {@code retro}, or for editing {@code item} (may be null), opened
   * for {@code userId}.
   */
  public static View build(Retro retro, RetroItem item, RetroKey key, String userId) {
    return build(retro, item, key, userId, item == null ? null : item.text());
  }

  /**
   * Like {@link #build(Retro, RetroItem, RetroKey, String)}, with the text field prefilled with
   * {@code text} (plain text as it should read, e.g. a message for "Add to retro"; cut to {@value
   * RetroItem#MAX_TEXT} characters), or empty when null.
   */
  static View build(Retro retro, RetroItem item, RetroKey key, String userId, String text) {
    String initialText =
        text == null || text.isBlank()
            ? null
            : text.length() > RetroItem.MAX_TEXT ? text.substring(0, RetroItem.MAX_TEXT) : text;
    List<OptionObject> prompts =
        Arrays.stream(RetroCategory.values())
            .map(c -> option(plainText(c.prompt()), c.name()))
            .toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        context(
            List.of(
                markdownText(
                    "Retro *"
                        + Mrkdwn.escape(retro.title())
                        + "* · "
                        + (retro.named()
                            ? "Named: everyone will see you wrote this."
                            : "Anonymous: who wrote it is not stored.")))));
    OptionObject initial = item == null ? null : prompts.get(item.category().ordinal());
    blocks.add(
        input(
            i ->
                i.blockId("category")
                    .label(plainText("Which prompt does it answer?"))
                    .element(
                        staticSelect(
                            s -> s.actionId("category").options(prompts).initialOption(initial)))));
    blocks.add(
        input(
            i ->
                i.blockId("text")
                    .label(plainText("Your item"))
                    .element(
                        plainTextInput(
                            t ->
                                t.actionId("text")
                                    .multiline(true)
                                    .maxLength(RetroItem.MAX_TEXT)
                                    .initialValue(initialText)))));
    if (item != null) {
      blocks.add(
          input(
              i ->
                  i.blockId("delete")
                      .optional(true)
                      .label(plainText("Delete"))
                      .element(
                          checkboxes(
                              c ->
                                  c.actionId("delete")
                                      .options(
                                          List.of(
                                              option(plainText("Delete this item"), "yes")))))));
    }
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(
            ViewTitle.builder()
                .type("plain_text")
                .text(item == null ? "Add item" : "Edit item")
                .build())
        .submit(ViewSubmit.builder().type("plain_text").text(item == null ? "Add" : "Save").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .privateMetadata(
            ItemForm.of(key, retro.id(), item == null ? "" : key.ref(item.id()), userId).metadata())
        .blocks(blocks)
        .build();
  }

  /**
   * The submitted prompt, text and delete choice; errors by {@code block_id} when invalid.
   *
   * @return errors (empty when valid) and the values
   */
  public static Submitted read(Map<String, Map<String, ViewState.Value>> values) {
    ViewState.Value category = ViewValues.get(values, "category", "category");
    String text = ViewValues.get(values, "text", "text").getValue();
    var deleteOptions = ViewValues.get(values, "delete", "delete").getSelectedOptions();
    boolean delete = deleteOptions != null && !deleteOptions.isEmpty();
    Map<String, String> errors = new LinkedHashMap<>();
    RetroCategory c =
        category.getSelectedOption() == null
            ? null
            : RetroCategory.parse(category.getSelectedOption().getValue()).orElse(null);
    if (c == null && !delete) {
      errors.put("category", "Choose the prompt your item answers.");
    }
    if ((text == null || text.isBlank()) && !delete) {
      errors.put("text", "Write your item.");
    } else if (text != null && text.strip().length() > RetroItem.MAX_TEXT) {
      errors.put("text", "Keep it under " + RetroItem.MAX_TEXT + " characters.");
    }
    return new Submitted(c, text == null ? null : text.strip(), delete, errors);
  }

  /**
   * A read submission.
   *
   * @param category the prompt, or null
   * @param text the item text, or null
   * @param delete true when "Delete this item" was ticked
   * @param errors field errors by {@code block_id}; empty when valid
   */
  public record Submitted(
      RetroCategory category, String text, boolean delete, Map<String, String> errors) {}
}
