package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.DrumbeatException;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Followups;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.okr.Quarter;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * <i>Suggested topics</i> for a retro from the OKRs: when a retro starts, its facilitator gets an
 * ephemeral list (through the start command's {@code response_url}, by the outbox, key {@code
 * retro-topics:ID}) of the KRs {@link TopicFinder} finds, each with its reason and an <i>Add as
 * item</i> button ({@code action_id} {@value #ADD}, value {@code "<retro id>:<KR key>"}). A click
 * by the facilitator or an admin, while the retro collects items, adds the topic as an ordinary
 * anonymous item (once: the same text is not added twice).
 */
final class TopicSuggestions {
  /** {@code action_id} of "Add as item". */
  static final String ADD = "retro_topic_add";

  private final Jdbi jdbi;
  private final Outbox outbox;
  private final Followups followups;
  private final TopicQuarter quarters;
  private final Announcer announcer;
  private final BiPredicate<Retro, String> mayMove;

  /**
   * @param jdbi database
   * @param outbox where the list is recorded
   * @param followups answers a click
   * @param quarters which quarter a retro's suggestions come from, and what today is
   * @param announcer redraws the announcement's item count
   * @param mayMove whether a user runs a retro (its facilitator or an admin)
   */
  TopicSuggestions(
      Jdbi jdbi,
      Outbox outbox,
      Followups followups,
      TopicQuarter quarters,
      Announcer announcer,
      BiPredicate<Retro, String> mayMove) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.followups = followups;
    this.quarters = quarters;
    this.announcer = announcer;
    this.mayMove = mayMove;
  }

  /** Registers "Add as item". */
  void register(App app) {
    app.blockAction(ADD, this::onAdd);
  }

  /**
   * Records the list for {@code retro}'s facilitator, if its quarter has suggestions; nothing
   * otherwise. At most {@value MessagePacker#MAX_BLOCKS} blocks: beyond 48 KRs the list says how
   * many more there are.
   */
  void offer(Retro retro, String responseUrl) {
    Optional<Quarter> quarter = quarters.of(retro);
    if (quarter.isEmpty() || responseUrl == null || responseUrl.isBlank()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          List<TopicSuggestion> topics =
              TopicFinder.find(
                  h, quarter.get().toString(), quarters.start(quarter.get()), quarters.today());
          if (!topics.isEmpty()) {
            String text = "Suggested topics from " + quarter.get() + "'s OKRs";
            outbox.enqueue(
                h,
                Delivery.reply(
                    "retro-topics:" + retro.id(),
                    responseUrl,
                    Content.of(text, blocks(retro, quarter.get(), topics))));
          }
        });
  }

  static List<LayoutBlock> blocks(Retro retro, Quarter quarter, List<TopicSuggestion> topics) {
    int room = MessagePacker.MAX_BLOCKS - 2;
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        ":bulb: *Suggested topics* from "
                            + quarter
                            + "'s OKRs. *Add as item* adds one as an anonymous item; only you see"
                            + " this list."))));
    for (TopicSuggestion topic : topics.subList(0, Math.min(room, topics.size()))) {
      String line =
          "*"
              + Mrkdwn.escape(topic.kr().krKey())
              + "* "
              + Mrkdwn.truncate(Mrkdwn.escape(topic.kr().title()), 2000)
              + "\n_"
              + Mrkdwn.escape(topic.reason())
              + "_";
      blocks.add(
          section(
              s ->
                  s.text(markdownText(Mrkdwn.truncate(line, Mrkdwn.MAX_TEXT)))
                      .accessory(
                          button(
                              b ->
                                  b.actionId(ADD)
                                      .text(plainText("Add as item"))
                                      .value(retro.id() + ":" + topic.kr().krKey())))));
    }
    if (topics.size() > room) {
      int more = topics.size() - room;
      blocks.add(section(s -> s.text(markdownText("…and " + more + " more KRs."))));
    }
    return blocks;
  }

  private Response onAdd(BlockActionRequest req, ActionContext ctx) {
    var p = req.getPayload();
    try {
      String[] value = p.getActions().get(0).getValue().split(":", 2);
      long retroId = AnnouncementClicks.retroId(value[0]);
      String news = jdbi.inTransaction(h -> add(h, retroId, value[1], p.getUser().getId()));
      followups.tell(p.getResponseUrl(), news);
    } catch (DrumbeatException e) {
      followups.tell(p.getResponseUrl(), ":warning: " + e.getMessage());
    } catch (RuntimeException e) {
      followups.tell(p.getResponseUrl(), ":warning: That button is out of date.");
    }
    return ctx.ack();
  }

  private String add(Handle h, long retroId, String krKey, String user) {
    RetroRepository retros = h.attach(RetroRepository.class);
    Retro retro =
        retros.find(retroId).orElseThrow(() -> new DrumbeatException("That retro is gone."));
    if (!mayMove.test(retro, user)) {
      throw new DrumbeatException(
          "Only the retro's facilitator or an admin can add suggested topics.");
    }
    if (retros.lockPhase(retroId).orElse(RetroPhase.CLOSED) != RetroPhase.COLLECTING) {
      throw new DrumbeatException("Items can only be added while the retro collects them.");
    }
    Quarter quarter =
        quarters
            .of(retro)
            .orElseThrow(() -> new DrumbeatException("That retro has no OKR quarter."));
    TopicSuggestion topic =
        TopicFinder.one(h, quarter.toString(), krKey, quarters.start(quarter), quarters.today())
            .orElseThrow(
                () ->
                    new DrumbeatException(
                        Mrkdwn.escape(krKey) + " is no longer a suggested topic."));
    String text = topic.itemText();
    boolean known = retros.items(retroId).stream().anyMatch(i -> i.text().equals(text));
    if (!known) {
      retros.addItem(retroId, RetroCategory.ACCOMPLISHED, text, null);
      announcer.refreshSoon(retroId);
    }
    return (known
            ? ":information_source: Already an item: "
            : ":white_check_mark: Added as an anonymous item: ")
        + Mrkdwn.escape(text);
  }
}
