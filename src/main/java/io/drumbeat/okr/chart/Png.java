package io.drumbeat.okr.chart;

import java.awt.AWTError;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/** Headless drawing and PNG encoding for the chart renderers. */
final class Png {
  private Png() {}

  /**
   * Makes AWT headless ({@code java.awt.headless=true}) unless the property was set already. Must
   * run before the JVM's first AWT use, which reads it once; renderers call it when constructed.
   */
  static void headless() {
    System.getProperties().putIfAbsent("java.awt.headless", "true");
  }

  /** Turns on antialiasing of shapes and text. */
  static void antialias(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
  }

  /**
   * Draws with {@code draw} (all AWT and XChart work belongs inside it) and encodes the image as
   * PNG.
   *
   * @param filename the image's file name
   * @param title the image's title, also named in error messages
   * @throws ChartException if drawing fails (e.g. no font installed) or PNG encoding does
   */
  static ChartImage render(String filename, String title, Supplier<BufferedImage> draw) {
    try {
      BufferedImage image = draw.get();
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      if (!ImageIO.write(image, "png", out)) {
        throw new ChartException("no PNG writer available for \"" + title + "\"", null);
      }
      return new ChartImage(
          filename, title, image.getWidth(), image.getHeight(), out.toByteArray());
    } catch (IOException e) {
      throw new ChartException("cannot encode \"" + title + "\" as PNG", e);
    } catch (RuntimeException | LinkageError | AWTError e) {
      if (e instanceof ChartException chart) {
        throw chart;
      }
      throw new ChartException("cannot draw \"" + title + "\" (is a font installed?)", e);
    }
  }
}
