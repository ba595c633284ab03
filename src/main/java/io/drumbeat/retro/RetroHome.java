package io.drumbeat.retro;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.HomeSection;
import io.drumbeat.Shared;
import io.drumbeat.delivery.Followups;
import io.drumbeat.slack.Mrkdwn;
import io.drumbeat.slack.SlackGateway;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home's retro parts. "My action items": the person's open action items of every retro, by due
 * date (overdue flagged, in the organisation's zone), each with <em>Mark done</em> (the DM's own
 * button). "Retros": the open retros in channels the person is a member of ({@code
 * conversations.members}, read when the Home is drawn, never in an ack), with their phase and
 * <em>Add item</em> while collecting or <em>Vote</em> while voting ({@link HomeRetroClicks}).
 */
public final class RetroHome {
  private static final Logger LOG = LoggerFactory.getLogger(RetroHome.class);

  private RetroHome() {}

  /** The "My action items" part. */
  public static HomeSection actions(Shared s) {
    Clock clock = s.clock();
    ZoneId zone = s.config().timezone();
    return (handle, userId, maxBlocks) ->
        actionBlocks(handle, userId, maxBlocks, LocalDate.now(clock.withZone(zone)));
  }

  private static List<LayoutBlock> actionBlocks(
      Handle handle, String userId, int maxBlocks, LocalDate today) {
    List<ActionItem> open = handle.attach(ActionRepository.class).openOwnedBy(userId);
    List<LayoutBlock> blocks = new ArrayList<>();
    if (open.isEmpty()) {
      return blocks;
    }
    blocks.add(section(s -> s.text(markdownText("*My action items* (" + open.size() + " open)"))));
    int room = maxBlocks - 2;
    int shown = open.size() <= room + 1 ? open.size() : room;
    for (ActionItem item : open.subList(0, shown)) {
      String due =
          item.dueDate() == null
              ? ""
              : item.dueDate().isBefore(today)
                  ? " · :rotating_light: *overdue* since " + item.dueDate()
                  : " · due " + item.dueDate();
      String text =
          Mrkdwn.truncate(Mrkdwn.escape(item.text()), Mrkdwn.MAX_TEXT - 200)
              + "\n_from the retro in <#"
              + item.channel()
              + ">_"
              + due;
      blocks.add(
          section(
              s ->
                  s.text(markdownText(text))
                      .accessory(
                          button(
                              b ->
                                  b.actionId(ActionItems.DONE)
                                      .text(plainText("Mark done"))
                                      .value(String.valueOf(item.id()))))));
    }
    if (shown < open.size()) {
      String more = "…and " + (open.size() - shown) + " more, due later.";
      blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
    }
    return blocks;
  }

  /** The "Retros" part, whose buttons it registers. */
  public static HomeSection retros(Shared s) {
    SlackGateway slack = s.slack();
    HomeRetroClicks clicks =
        new HomeRetroClicks(s.jdbi(), s.slack(), new Followups(s.jdbi(), s.outbox()));
    return new HomeSection() {
      @Override
      public List<LayoutBlock> blocks(Handle handle, String userId, int maxBlocks) {
        return retroBlocks(handle, userId, maxBlocks, slack);
      }

      @Override
      public void register(App app) {
        clicks.register(app);
      }
    };
  }

  private static List<LayoutBlock> retroBlocks(
      Handle handle, String userId, int maxBlocks, SlackGateway slack) {
    List<Retro> mine =
        handle.attach(RetroRepository.class).open().stream()
            .filter(r -> isMember(slack, r.channel(), userId))
            .toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    if (mine.isEmpty()) {
      return blocks;
    }
    blocks.add(section(s -> s.text(markdownText("*Retros* in your channels"))));
    int room = maxBlocks - 2;
    int shown = mine.size() <= room + 1 ? mine.size() : room;
    for (Retro retro : mine.subList(0, shown)) {
      String text =
          "*"
              + Mrkdwn.escape(retro.title())
              + "* in <#"
              + retro.channel()
              + "> · "
              + retro.phase().label();
      Optional<String> label =
          switch (retro.phase()) {
            case COLLECTING -> Optional.of("Add item");
            case VOTING -> Optional.of("Vote");
            default -> Optional.empty();
          };
      String value = HomeRetroClicks.value(RetroKey.of(handle, retro.id()), retro.id(), userId);
      blocks.add(
          section(
              s -> {
                s.text(markdownText(Mrkdwn.truncate(text, Mrkdwn.MAX_TEXT)));
                label.ifPresent(
                    l ->
                        s.accessory(
                            button(
                                b ->
                                    b.actionId(HomeRetroClicks.actionId(retro.phase()))
                                        .text(plainText(l))
                                        .value(value))));
                return s;
              }));
    }
    if (shown < mine.size()) {
      String more = "…and " + (mine.size() - shown) + " more open retros.";
      blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
    }
    return blocks;
  }

  private static boolean isMember(SlackGateway slack, String channel, String userId) {
    try {
      return slack.members(channel).contains(userId);
    } catch (RuntimeException e) {
      LOG.warn(
          "Left a retro in {} out of a Home: its members cannot be read: {}",
          channel,
          e.getMessage());
      return false;
    }
  }
}
