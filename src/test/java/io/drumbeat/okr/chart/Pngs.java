package io.drumbeat.okr.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Reads back what the renderers made. */
final class Pngs {
  private Pngs() {}

  /** Decodes the image with ImageIO, checking it is a PNG of the size it claims. */
  static BufferedImage decode(ChartImage chart) {
    byte[] png = chart.png();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(image).as("ImageIO decodes %s", chart.filename()).isNotNull();
    assertThat(image.getWidth()).isEqualTo(chart.width());
    assertThat(image.getHeight()).isEqualTo(chart.height());
    return image;
  }

  /** How many pixels have exactly colour {@code rgb} (0xRRGGBB). */
  static int pixelsOf(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
