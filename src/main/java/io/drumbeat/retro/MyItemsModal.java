package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewTitle;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * "My items" of a named retro: the caller's items, each with an "Edit" button ({@code action_id}
 * {@value #EDIT}, value {@code "<retro id>:<item ref>"}, see {@link RetroKey#ref}) that turns the
 * modal into the item form. At most {@value #MAX_SHOWN} items, within the 100-block limit of a
 * modal.
 */
final class MyItemsModal {
  /** {@code action_id} of an item's "Edit" button. */
  public static final String EDIT = "retro_item_edit";

  static final int MAX_SHOWN = 95;

  private MyItemsModal() {}

  /** The list of {@code mine} (the caller's items of {@code retro}, whose key is {@code key}). */
  public static View build(Retro retro, List<RetroItem> mine, RetroKey key) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        context(
            List.of(
                markdownText(
                    mine.isEmpty()
                        ? "You have not added items to *" + Mrkdwn.escape(retro.title()) + "* yet."
                        : "Your items in *"
                            + Mrkdwn.escape(retro.title())
                            + "*. You can edit or delete them while items are collected."))));
    for (RetroItem item : mine.subList(0, Math.min(mine.size(), MAX_SHOWN))) {
      String text = "*" + item.category().heading() + "*\n" + Mrkdwn.escape(item.text());
      blocks.add(
          section(
              s ->
                  s.text(markdownText(Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT)))
                      .accessory(
                          button(
                              b ->
                                  b.actionId(EDIT)
                                      .text(plainText("Edit"))
                                      .value(retro.id() + ":" + key.ref(item.id()))))));
    }
    if (mine.size() > MAX_SHOWN) {
      blocks.add(context(List.of(markdownText("…and " + (mine.size() - MAX_SHOWN) + " more."))));
    }
    return View.builder()
        .type("modal")
        .title(ViewTitle.builder().type("plain_text").text("My items").build())
        .close(ViewClose.builder().type("plain_text").text("Close").build())
        .blocks(blocks)
        .build();
  }
}
