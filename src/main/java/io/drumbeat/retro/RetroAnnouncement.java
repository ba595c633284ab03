package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The retro's announcement in its channel, kept up to date with {@code chat.update}: title, phase,
 * item count, the prompts, the scorecard and open action items of earlier retros, and the buttons
 * of the phase. Items stay hidden: only their count is shown. At most 50 blocks at any size.
 */
final class RetroAnnouncement {
  /** {@code action_id} of "Add item" (value: the retro id). */
  public static final String ADD_ITEM = "retro_add_item";

  /** {@code action_id} of "My items" in a named retro (value: the retro id). */
  public static final String MY_ITEMS = "retro_my_items";

  /** {@code action_id} of "Add action" (value: the retro id). */
  public static final String ADD_ACTION = "retro_add_action";

  /**
   * Most characters of the scorecard, and of the open action items, on the announcement; the rest
   * go in its thread. Two lists and the prompts stay within one message (MessagePacker).
   */
  static final int MAX_LIST_CHARS = 3000;

  private static final String MORE = " more in the thread.";

  private static final String SCORECARD = "*KR scorecard* (each KR's last status and progress)";
  private static final String CARRIED = "*Open action items from earlier retros*";

  private RetroAnnouncement() {}

  /**
   * The announcement's blocks.
   *
   * @param state the retro with its counts
   * @param scorecard escaped mrkdwn lines of the KR scorecard (empty without {@code --okrs})
   * @param carriedOver open action items of earlier retros in the channel
   */
  public static List<LayoutBlock> blocks(
      RetroState state, List<String> scorecard, List<ActionItem> carriedOver) {
    Retro retro = state.retro();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate("Retro: " + retro.title(), 150)))));
    blocks.add(section(s -> s.text(markdownText(status(state)))));
    if (!scorecard.isEmpty()) {
      blocks.add(list(SCORECARD, scorecard));
    }
    if (!carriedOver.isEmpty()) {
      blocks.add(list(CARRIED, carriedLines(carriedOver)));
    }
    if (retro.phase() == RetroPhase.COLLECTING) {
      blocks.add(section(s -> s.text(markdownText(prompts()))));
    }
    List<BlockElement> buttons = buttons(retro);
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("retro_" + retro.id()).elements(buttons)));
    }
    return blocks;
  }

  /** The notification text of the announcement (escaped mrkdwn). */
  public static String fallback(Retro retro) {
    return "Retro: " + Mrkdwn.escape(retro.title()) + " (" + retro.phase().label() + ")";
  }

  /** One open action item as a line: text, owner, due date. */
  public static String actionLine(ActionItem a) {
    return "• "
        + Mrkdwn.truncate(Mrkdwn.escape(a.text()), 1000)
        + " — <@"
        + a.owner()
        + ">"
        + (a.dueDate() == null ? "" : ", due " + a.dueDate());
  }

  private static String status(RetroState state) {
    Retro r = state.retro();
    String phase = "*Phase:* " + r.phase().label();
    String items = "*Items:* " + state.items();
    String how =
        (r.named() ? "Named items" : "Anonymous items (no author is stored)")
            + " · "
            + r.votesPerPerson()
            + (r.votesPerPerson() == 1 ? " vote" : " votes")
            + " per person";
    String extra =
        switch (r.phase()) {
          case COLLECTING -> "\nItems stay hidden until voting opens.";
          case VOTING ->
              "\n" + state.voters() + " voted so far. Totals stay hidden until voting closes.";
          case DISCUSSING, CLOSED -> "\n*Action items:* " + state.actions();
        };
    return "*Retro #"
        + r.id()
        + "* · "
        + phase
        + " · "
        + items
        + " · facilitated by <@"
        + r.facilitator()
        + ">\n"
        + how
        + extra;
  }

  private static String prompts() {
    return "*Add your thoughts before the meeting:*\n"
        + Arrays.stream(RetroCategory.values())
            .map(c -> "• " + c.prompt())
            .collect(Collectors.joining("\n"));
  }

  /**
   * True when the scorecard or the open action items are longer than the announcement shows; then
   * {@link #fullLists} go in its thread.
   */
  public static boolean isCut(List<String> scorecard, List<ActionItem> carriedOver) {
    return shown(SCORECARD, scorecard) < scorecard.size()
        || shown(CARRIED, carriedLines(carriedOver)) < carriedOver.size();
  }

  /** The scorecard and open action items in full, as section blocks (pack before posting). */
  public static List<LayoutBlock> fullLists(List<String> scorecard, List<ActionItem> carriedOver) {
    List<String> pieces = new ArrayList<>();
    if (!scorecard.isEmpty()) {
      pieces.addAll(Mrkdwn.chunk(SCORECARD + "\n" + String.join("\n", scorecard), Mrkdwn.MAX_TEXT));
    }
    if (!carriedOver.isEmpty()) {
      pieces.addAll(
          Mrkdwn.chunk(
              CARRIED + "\n" + String.join("\n", carriedLines(carriedOver)), Mrkdwn.MAX_TEXT));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    pieces.forEach(piece -> blocks.add(section(s -> s.text(markdownText(piece)))));
    return blocks;
  }

  private static List<String> carriedLines(List<ActionItem> carriedOver) {
    return carriedOver.stream().map(RetroAnnouncement::actionLine).toList();
  }

  /** How many of {@code lines} fit in one section of at most {@value #MAX_LIST_CHARS} chars. */
  private static int shown(String title, List<String> lines) {
    int length = title.length() + MORE.length() + 12;
    int n = 0;
    while (n < lines.size() && length + lines.get(n).length() + 1 <= MAX_LIST_CHARS) {
      length += lines.get(n).length() + 1;
      n++;
    }
    return n;
  }

  /** One section: the title and the lines that fit, then how many more are in the thread. */
  private static LayoutBlock list(String title, List<String> lines) {
    int n = shown(title, lines);
    String text =
        title
            + "\n"
            + String.join("\n", lines.subList(0, n))
            + (n < lines.size() ? "\n…and " + (lines.size() - n) + MORE : "");
    return section(s -> s.text(markdownText(Mrkdwn.truncate(text, MAX_LIST_CHARS))));
  }

  private static List<BlockElement> buttons(Retro retro) {
    String id = String.valueOf(retro.id());
    return switch (retro.phase()) {
      case COLLECTING ->
          retro.named()
              ? List.of(primary(ADD_ITEM, "Add item", id), plain(MY_ITEMS, "My items", id))
              : List.of(primary(ADD_ITEM, "Add item", id));
      case VOTING -> List.of(primary(RetroVoting.VOTE, "Vote", id));
      case DISCUSSING -> List.of(primary(ADD_ACTION, "Add action", id));
      case CLOSED -> List.of();
    };
  }

  private static BlockElement primary(String actionId, String label, String value) {
    return button(b -> b.actionId(actionId).text(plainText(label)).value(value).style("primary"));
  }

  private static BlockElement plain(String actionId, String label, String value) {
    return button(b -> b.actionId(actionId).text(plainText(label)).value(value));
  }
}
