package io.drumbeat.daily;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The private DMs of the daily ritual: the morning prompt and the afternoon reminder, each with a
 * "Write update" button that opens the modal. Nobody is ever tagged in public for a missing update.
 */
final class DailyNotices {
  /** {@code action_id} of the "Write update" button. */
  public static final String WRITE = "daily_write";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private final Outbox outbox;

  /**
   * @param outbox where the DMs are recorded
   */
  DailyNotices(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Records the prompt or the reminder DM (posted to the member's user id, so Slack opens the app's
   * DM), with the delivery key {@code daily-prompt:U1:2026-11-30} or {@code daily-reminder:…}.
   *
   * @param handle the transaction that claims the notice in the ledger
   * @param kind {@link DailyRepository#PROMPT} or {@link DailyRepository#REMINDER}
   * @param channels ids of the member's team channels, where the update will be posted
   * @param expiresAt when the DM stops making sense (the prompt: the reminder time; the reminder:
   *     the end of the member's day); not sent after it
   */
  void record(
      Handle handle,
      String member,
      LocalDate date,
      String kind,
      List<String> channels,
      Instant expiresAt) {
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
    String key = "daily-" + kind.toLowerCase(Locale.ROOT) + ":" + member + ":" + date;
    outbox.enqueue(
        handle, Delivery.message(key, member, Content.of(fallback, blocks)).expiringAt(expiresAt));
  }
}
