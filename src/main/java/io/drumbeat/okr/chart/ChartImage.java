package io.drumbeat.okr.chart;

import java.util.Objects;

/**
 * A rendered chart: a PNG image and what to call it in Slack.
 *
 * @param filename the file name to upload it under, e.g. {@code "okr-trend-FY2027-Q1.png"}; only
 *     letters, digits, {@code .}, {@code -} and {@code _}
 * @param title a human title for the upload (Slack shows it above the image), e.g. {@code "OKR
 *     progress FY2027-Q1"}
 * @param width the image width in pixels
 * @param height the image height in pixels
 * @param png the PNG bytes (copied in and out)
 */
public record ChartImage(String filename, String title, int width, int height, byte[] png) {

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if any reference is null
   */
  public ChartImage {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(title, "title");
    png = png.clone();
  }

  /** A copy of the PNG bytes. */
  @Override
  public byte[] png() {
    return png.clone();
  }

  /** The PNG's size in bytes. */
  public int size() {
    return png.length;
  }
}
