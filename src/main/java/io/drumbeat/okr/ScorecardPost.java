package io.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Shares a quarter's scorecard in {@code okr.scorecardChannel} with the quarter's trend chart in
 * its thread, through the outbox. The scheduled post (start of week 1 of the next quarter) also
 * makes the scorecard final in the same transaction, which closes the quarter's KR retrospectives.
 */
final class ScorecardPost {
  private final Jdbi jdbi;
  private final Scorecard scorecard;
  private final QuarterCharts charts;
  private final Outbox outbox;
  private final Supplier<String> channel;
  private final Clock clock;

  /**
   * @param jdbi database
   * @param scorecard reads the scorecard
   * @param charts the quarter's trend chart
   * @param outbox where the posts are recorded
   * @param channel the id of {@code okr.scorecardChannel} (looked up when needed)
   * @param clock the time source
   */
  ScorecardPost(
      Jdbi jdbi,
      Scorecard scorecard,
      QuarterCharts charts,
      Outbox outbox,
      Supplier<String> channel,
      Clock clock) {
    this.jdbi = jdbi;
    this.scorecard = scorecard;
    this.charts = charts;
    this.outbox = outbox;
    this.channel = channel;
    this.clock = clock;
  }

  /**
   * The scheduled post: records the final scorecard of {@code quarter} once (delivery key {@code
   * okr-scorecard:QUARTER:final:N}) and marks it final. A quarter without KRs is neither posted nor
   * made final.
   *
   * @return true when recorded now, false when it was final already or has no KRs
   */
  boolean postFinal(Quarter quarter) {
    if (scorecard.of(quarter.toString()).isEmpty()) {
      return false;
    }
    QuarterCharts.Drawn chart = charts.draw(quarter);
    return jdbi.inTransaction(
        h -> {
          if (h.attach(KrRetroRepository.class).finalise(quarter.toString(), clock.instant())
              == 0) {
            return false;
          }
          record(h, quarter, "final", chart, true);
          return true;
        });
  }

  /**
   * An admin's {@code /drumbeat scorecard [QUARTER]}: records the scorecard as it is now (final or
   * draft), posted even when it was posted before.
   *
   * @return a short report for the admin
   */
  String postNow(Quarter quarter) {
    if (scorecard.of(quarter.toString()).isEmpty()) {
      return ":x: There are no key results for "
          + quarter
          + ". Import them with `java -jar drumbeat.jar okrs import FILE`.";
    }
    QuarterCharts.Drawn chart = charts.draw(quarter);
    boolean isFinal =
        jdbi.inTransaction(
            h -> {
              boolean f = h.attach(KrRetroRepository.class).isFinal(quarter.toString());
              record(h, quarter, "now-" + clock.millis(), chart, f);
              return f;
            });
    return ":white_check_mark: The "
        + (isFinal ? "final" : "draft")
        + " OKR scorecard for "
        + quarter
        + " is on its way to the scorecard channel.";
  }

  private void record(
      org.jdbi.v3.core.Handle h,
      Quarter quarter,
      String run,
      QuarterCharts.Drawn chart,
      boolean isFinal) {
    List<ScorecardLine> lines = scorecard.of(quarter.toString());
    List<List<LayoutBlock>> messages = ScorecardRenderer.render(quarter.toString(), lines, isFinal);
    String prefix = "okr-scorecard:" + quarter + ":" + run + ":";
    String channel = this.channel.get();
    for (int i = 0; i < messages.size(); i++) {
      String text =
          "OKR scorecard "
              + quarter
              + (messages.size() > 1 ? " (part " + (i + 1) + " of " + messages.size() + ")" : "");
      Delivery part =
          Delivery.message(prefix + (i + 1), channel, Content.of(text, messages.get(i)));
      outbox.enqueue(h, i == 0 ? part : part.inThreadOf(prefix + 1));
    }
    charts.record(h, chart, channel, prefix + 1, "the OKR scorecard of " + quarter);
  }
}
