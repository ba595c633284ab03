package io.drumbeat.okr;

import io.drumbeat.delivery.Content;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.OutboxRow;
import io.drumbeat.delivery.Renderer;
import io.drumbeat.delivery.SendFailure;
import io.drumbeat.okr.chart.ChartException;
import io.drumbeat.okr.chart.ChartImage;
import io.drumbeat.okr.chart.KrSeries;
import io.drumbeat.okr.chart.KrSparkline;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Draws a KR's trend over its quarter ({@link KrSparkline}) when the file is delivered, off the
 * request thread: it goes in the thread of the owner's check-in confirmation DM. Its subject is
 * {@code QUARTER|KR_KEY}. A KR removed meanwhile draws nothing; a chart that cannot be drawn (e.g.
 * no font on the server) fails the delivery for good ({@code chart_not_drawn}), so the admins are
 * told once instead of it being retried for a day.
 */
final class SparklineRenderer implements Renderer {
  /** The outbox kind. */
  static final String KIND = "okr-sparkline";

  private final Trends trends;
  private final KrSparkline sparkline = new KrSparkline();

  /**
   * @param trends reads the KR's check-ins
   */
  SparklineRenderer(Trends trends) {
    this.trends = trends;
  }

  /**
   * The sparkline of {@code kr}, shared to {@code userId} in the thread of the message with key
   * {@code parentKey}; key {@code parentKey + ":trend:" + krKey}.
   */
  static Delivery delivery(String parentKey, KeyResult kr, String userId) {
    return Delivery.drawnFile(
            parentKey + ":trend:" + kr.krKey(), KIND, kr.quarter() + "|" + kr.krKey(), userId)
        .inThreadOf(parentKey);
  }

  @Override
  public Optional<Content> render(Handle handle, OutboxRow row) {
    String[] subject = row.subject().split("\\|", 2);
    KrSeries kr = trends.keyResult(handle, subject[0], subject[1]);
    if (kr == null) {
      return Optional.empty();
    }
    try {
      ChartImage image = sparkline.render(subject[0], trends.weeks(Quarter.parse(subject[0])), kr);
      return Optional.of(Content.file(image.filename(), image.title(), image.png()));
    } catch (ChartException e) {
      throw new SendFailure(
          SendFailure.Kind.REFUSED, "chart_not_drawn: " + e.getMessage(), Duration.ZERO, e);
    }
  }
}
