package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.slack.SlackGateway;
import io.drumbeat.slack.UserDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The private DMs of the daily ritual: the morning prompt and the afternoon reminder, each with a
 * "Write update" button that opens the modal. Nobody is ever tagged in public for a missing update.
 */
final class DailyNotices {
  /** {@code action_id} of the "Write update" button. */
  public static final String WRITE = "daily_write";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private final SlackGateway slack;
  private final UserDirectory users;

  /**
   * @param slack Web API
   * @param users DM channels
   */
  public DailyNotices(SlackGateway slack, UserDirectory users) {
    this.slack = slack;
    this.users = users;
  }

  /**
   * DMs the prompt or the reminder.
   *
   * @param kind {@link DailyRepository#PROMPT} or {@link DailyRepository#REMINDER}
   * @param channels ids of the member's team channels, where the update will be posted
   * @throws io.drumbeat.slack.SlackCallException when Slack refuses
   */
  public void send(String member, LocalDate date, String kind, List<String> channels) {
    String where = channels.stream().map(c -> "<#" + c + ">").collect(Collectors.joining(", "));
    String text =
        kind.equals(DailyRepository.PROMPT)
            ? ":sunrise: Time for your daily update for *"
                + DAY.format(date)
                + "*: what took up your time"
                + " in the past day, and what is next? It will be posted in "
                + where
                + "."
            : ":hourglass_flowing_sand: Your daily update for *"
                + DAY.format(date)
                + "* is not posted yet."
                + " Only you can see this reminder.";
    String fallback =
        kind.equals(DailyRepository.PROMPT)
            ? "Time for your daily update"
            : "Daily update reminder";
    List<LayoutBlock> blocks =
        List.of(
            section(s -> s.text(markdownText(text))),
            actions(
                a ->
                    a.elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(WRITE)
                                        .style("primary")
                                        .text(plainText("Write update"))
                                        .value(date.toString()))))));
    slack.post(users.dmChannel(member), fallback, blocks, null);
  }
}
