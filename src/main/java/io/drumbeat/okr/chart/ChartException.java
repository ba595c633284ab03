package io.drumbeat.okr.chart;

import io.drumbeat.DrumbeatException;

/**
 * A chart could not be drawn or encoded as PNG, e.g. because the JVM finds no font: AWT needs
 * fontconfig and at least one font installed (on Debian, {@code fonts-dejavu-core}) even when
 * headless.
 */
public final class ChartException extends DrumbeatException {
  /**
   * @param message what could not be drawn
   * @param cause the AWT, XChart or ImageIO failure
   */
  public ChartException(String message, Throwable cause) {
    super(message, cause);
  }
}
