package dev.digits.preprocessing;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
import java.util.Random;

/** Turns a clean black-on-white drawing into something like a phone photo of paper. */
final class PhotoSimulation {

  private PhotoSimulation() {}

  /**
   * Grey paper lit unevenly (bright at one corner, 40 % darker at the opposite one, with a soft
   * vignette), pencil-grey rather than black ink, a slight blur and sensor noise.
   */
  static BufferedImage photograph(BufferedImage drawing, long seed) {
    int width = drawing.getWidth();
    int height = drawing.getHeight();
    BufferedImage blurred = blur(drawing);
    Random random = new Random(seed);
    BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double u = (double) x / width;
        double v = (double) y / height;
        double light =
            1.0 - 0.4 * (u + v) / 2 - 0.15 * ((u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5));
        double paper = 205 * light;
        double ink = 1 - (blurred.getRGB(x, y) & 0xFF) / 255.0;
        double level = paper * (1 - 0.7 * ink) + random.nextGaussian() * 5;
        int grey = (int) Math.max(0, Math.min(255, Math.round(level)));
        int r = Math.min(255, grey + 6);
        int b = Math.max(0, grey - 8);
        photo.setRGB(x, y, 0xFF000000 | r << 16 | grey << 8 | b);
      }
    }
    return photo;
  }

  private static BufferedImage blur(BufferedImage image) {
    float[] kernel = new float[9];
    Arrays.fill(kernel, 1f / 9);
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    return new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(rgb, null);
  }

  /**
   * Chebyshev distance from pixel {@code index} of a 28 × 28 image to the nearest pixel above 0.1.
   */
  static int distanceToInk(float[] pixels, int index) {
    int x = index % 28;
    int y = index / 28;
    int best = Integer.MAX_VALUE;
    for (int i = 0; i < pixels.length; i++) {
      if (pixels[i] > 0.1) {
        best = Math.min(best, Math.max(Math.abs(i % 28 - x), Math.abs(i / 28 - y)));
      }
    }
    return best;
  }
}
