package io.drumbeat.okr;

import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.okr.chart.ChartException;
import io.drumbeat.okr.chart.ChartImage;
import io.drumbeat.okr.chart.QuarterChart;
import io.drumbeat.slack.AdminNotifier;
import io.drumbeat.slack.Mrkdwn;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The quarter's trend chart (progress per ISO week for every KR, one panel per objective, {@link
 * QuarterChart}) as files shared in the thread of a message: the Monday digest and the quarterly
 * scorecard. The PNGs are drawn before the transaction that records the message and recorded in it,
 * so the chart shows the data the message shows. A chart that cannot be drawn (e.g. no font on the
 * server) does not hold the message back: the admins are told in the same transaction instead.
 */
final class QuarterCharts {
  private final Jdbi jdbi;
  private final Trends trends;
  private final QuarterChart chart;
  private final Outbox outbox;
  private final AdminNotifier admins;

  /**
   * @param jdbi database
   * @param trends reads the check-ins as chart input
   * @param outbox where the files are recorded
   * @param admins told when the chart cannot be drawn
   */
  QuarterCharts(Jdbi jdbi, Trends trends, Outbox outbox, AdminNotifier admins) {
    this.jdbi = jdbi;
    this.trends = trends;
    this.chart = new QuarterChart();
    this.outbox = outbox;
    this.admins = admins;
  }

  /** The drawn chart of {@code quarter}: images, or the reason there are none. */
  record Drawn(List<ChartImage> images, String problem) {}

  /**
   * Draws the quarter's chart (call outside a transaction: drawing takes a moment).
   *
   * @return its images (none when the quarter has no KRs), or the problem when drawing failed
   */
  Drawn draw(Quarter quarter) {
    try {
      return new Drawn(chart.render(jdbi.withHandle(h -> trends.quarter(h, quarter))), null);
    } catch (ChartException e) {
      return new Drawn(List.of(), e.getMessage());
    }
  }

  /**
   * Records the drawn chart's files in the thread of the message with key {@code parentKey}, under
   * keys {@code parentKey + ":chart:" + n} (n from 1), or tells the admins why there is no chart.
   *
   * @param what the message, for the admins, e.g. "the OKR digest for 2026-W47"
   */
  void record(Handle h, Drawn drawn, String channel, String parentKey, String what) {
    if (drawn.problem() != null) {
      admins.tell(
          h,
          "The trend chart for "
              + what
              + " could not be drawn ("
              + Mrkdwn.escape(drawn.problem())
              + "); it was posted without it.");
      return;
    }
    for (int i = 0; i < drawn.images().size(); i++) {
      ChartImage image = drawn.images().get(i);
      outbox.enqueue(
          h,
          Delivery.file(
                  parentKey + ":chart:" + (i + 1),
                  channel,
                  Content.file(image.filename(), image.title(), image.png()))
              .inThreadOf(parentKey));
    }
  }
}
