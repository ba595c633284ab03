package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * The voting modal ({@code callback_id} {@value #CALLBACK_ID}): one page of {@link VotePages}, each
 * group of items as numbered sections followed by a checkbox input ({@code block_id} {@link
 * #blockId}, {@code action_id} {@value #PICK}, option values the items' references) with the
 * voter's ticks pre-ticked, and "Previous" / "Next" buttons ({@value #PREVIOUS}, {@value #NEXT},
 * value the page to show) when there are several pages. Never shows vote totals.
 */
final class VoteModal {
  /** {@code callback_id} of the modal. */
  public static final String CALLBACK_ID = "retro_ballot";

  /** {@code action_id} of the button showing the previous page; its value is that page. */
  public static final String PREVIOUS = "retro_vote_previous";

  /** {@code action_id} of the button showing the next page; its value is that page. */
  public static final String NEXT = "retro_vote_next";

  /** {@code action_id} of every checkbox group; option values are item references. */
  public static final String PICK = "pick";

  private VoteModal() {}

  /**
   * {@code block_id} of checkbox group {@code group} (from 0) of page {@code page} (from 0). Unique
   * per page, so Slack does not carry one page's ticks over to another's boxes on {@code
   * views.update}.
   */
  public static String blockId(int page, int group) {
    return blockIdPrefix(page) + group;
  }

  /** What every {@link #blockId} of page {@code page} starts with. */
  static String blockIdPrefix(int page) {
    return "vote_" + page + "_";
  }

  /** The page {@code state} names (clamped to the pages there are) with its ticks. */
  static View page(Retro retro, List<VotePages.Page> pages, VoteState state) {
    if (pages.isEmpty()) {
      return notice("Nobody wrote any items, so there is nothing to vote on.");
    }
    int index = Math.max(0, Math.min(state.page(), pages.size() - 1));
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(context(List.of(markdownText(intro(retro, index, pages.size())))));
    RetroCategory last = null;
    List<VotePages.Group> groups = pages.get(index).groups();
    for (int g = 0; g < groups.size(); g++) {
      VotePages.Group group = groups.get(g);
      if (group.category() != last) {
        String title = group.category().prompt() + (group.first() ? "" : " (continued)");
        blocks.add(header(h -> h.text(plainText(title))));
        last = group.category();
      }
      group.sections().forEach(s -> blocks.add(section(b -> b.text(markdownText(s)))));
      blocks.add(VoteChoices.group(blockId(index, g), group, state.selected()));
    }
    if (pages.size() > 1) {
      blocks.add(actions(a -> a.blockId("pages").elements(buttons(index, pages.size()))));
    }
    return view(blocks, state.turnedTo(index, state.selected()).metadata(), true);
  }

  /** A modal that only says {@code mrkdwn} (already escaped), with no submit button. */
  static View notice(String mrkdwn) {
    return view(List.of(section(s -> s.text(markdownText(mrkdwn)))), "", false);
  }

  private static String intro(Retro retro, int index, int count) {
    int votes = retro.votesPerPerson();
    String text =
        "*"
            + Mrkdwn.escape(retro.title())
            + "* · You have *"
            + votes
            + (votes == 1 ? " vote" : " votes")
            + "*, one per item: tick what you most want to discuss. You can change your votes"
            + " until voting closes; totals stay hidden until then.";
    return count == 1
        ? text
        : text + " Page " + (index + 1) + " of " + count + ": ticks are kept when you turn pages.";
  }

  private static List<BlockElement> buttons(int index, int count) {
    List<BlockElement> buttons = new ArrayList<>();
    if (index > 0) {
      buttons.add(
          button(b -> b.actionId(PREVIOUS).text(plainText("← Previous")).value("" + (index - 1))));
    }
    if (index < count - 1) {
      buttons.add(button(b -> b.actionId(NEXT).text(plainText("Next →")).value("" + (index + 1))));
    }
    return buttons;
  }

  private static View view(List<LayoutBlock> blocks, String metadata, boolean submit) {
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("Retro vote").build())
        .submit(submit ? ViewSubmit.builder().type("plain_text").text("Save votes").build() : null)
        .close(ViewClose.builder().type("plain_text").text(submit ? "Cancel" : "Close").build())
        .privateMetadata(metadata)
        .blocks(blocks)
        .build();
  }
}
