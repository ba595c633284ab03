package io.drumbeat.rituals;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.config.DrumbeatConfig;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.slack.MessagePacker;
import io.drumbeat.slack.Mrkdwn;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Posts the month in review ({@link MonthlyReport}) to {@code monthly.channel} through the outbox:
 * messages of at most 50 blocks, later ones in the first one's thread, under the keys {@code
 * monthly:YYYY-MM[:now-MILLIS]:N}, so a second run for the same month posts nothing.
 */
final class MonthlyUpdate {
  private final Jdbi jdbi;
  private final Outbox outbox;
  private final DrumbeatConfig config;
  private final Supplier<String> channel;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param outbox where the post is recorded
   * @param config the organisation's zone, workdays, teams and {@code monthly}
   * @param channel the id of {@code monthly.channel} (looked up when needed)
   * @param clock the time source
   */
  MonthlyUpdate(
      Jdbi jdbi, Outbox outbox, DrumbeatConfig config, Supplier<String> channel, Clock clock) {
    this.jdbi = jdbi;
    this.outbox = outbox;
    this.config = config;
    this.channel = channel;
    this.clock = clock;
  }

  /** The month just ended, in the organisation's zone. */
  YearMonth lastMonth() {
    return YearMonth.from(LocalDate.now(clock.withZone(config.timezone()))).minusMonths(1);
  }

  /**
   * When the update about the month before {@code month} is due: {@code monthly.at} on {@code
   * month}'s first workday, in the organisation's zone.
   */
  ZonedDateTime dueIn(YearMonth month) {
    LocalDate day = month.atDay(1);
    while (!config.isWorkday(day) && day.getMonth() == month.getMonth()) {
      day = day.plusDays(1);
    }
    return day.atTime(config.monthly().at()).atZone(config.timezone());
  }

  /**
   * Records the update about {@code month}.
   *
   * @param run "" for the scheduled run; a distinct suffix for an admin's on-demand run
   * @return true when recorded now, false when this run was recorded before
   */
  boolean post(YearMonth month, String run) {
    String prefix = "monthly:" + month + run + ":";
    String to = channel.get();
    return jdbi.inTransaction(
        h -> {
          List<LayoutBlock> blocks = new ArrayList<>();
          blocks.add(header(x -> x.text(plainText(MonthlyReport.title(month)))));
          for (String paragraph : MonthlyReport.paragraphs(h, month, config, ReportStyle.MRKDWN)) {
            Mrkdwn.chunk(paragraph, Mrkdwn.MAX_TEXT)
                .forEach(piece -> blocks.add(section(s -> s.text(markdownText(piece)))));
          }
          List<List<LayoutBlock>> messages = MessagePacker.pack(blocks);
          boolean recorded = false;
          for (int i = 0; i < messages.size(); i++) {
            Delivery part =
                Delivery.message(
                    prefix + (i + 1), to, Content.of(MonthlyReport.title(month), messages.get(i)));
            recorded |= outbox.enqueue(h, i == 0 ? part : part.inThreadOf(prefix + 1));
          }
          return recorded;
        });
  }
}
