package dev.digits.benchmark;

import dev.digits.corpus.PenDigitDrawings;
import dev.digits.corpus.PenStyle;
import dev.digits.data.IdxImages;
import dev.digits.data.PenDigit;
import dev.digits.drawing.CanvasPainter;
import dev.digits.drawing.Drawing;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * One handwritten digit as ink (0–255, row-major), cropped to its ink, ready to be set into a
 * number.
 */
public record DigitGlyph(int label, int width, int height, int[] ink) {

  int at(int x, int y) {
    return ink[y * width + x];
  }

  /** MNIST image {@code index}, scaled so its ink is {@code height} pixels tall. */
  public static DigitGlyph mnist(IdxImages images, int index, int label, int height) {
    int side = images.cols();
    int[] pixels = new int[side * side];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = images.pixels()[index * pixels.length + i] & 0xFF;
    }
    DigitGlyph cropped = cropped(label, side, side, pixels);
    return cropped.scaled((double) height / cropped.height);
  }

  /** A pen digit drawn on the page's canvas, its longer side {@code size} pixels. */
  public static DigitGlyph pen(PenDigit digit, int size, SplittableRandom random) {
    double pen = size * (0.06 + 0.06 * random.nextDouble());
    Drawing drawing = PenStyle.PAGE.placeAt(PenDigitDrawings.paths(digit), size, pen, random);
    BufferedImage image = CanvasPainter.paintAsExported(drawing);
    int side = image.getWidth();
    int[] ink = new int[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        ink[y * side + x] = 255 - (image.getRGB(x, y) & 0xFF);
      }
    }
    return cropped(digit.label(), side, side, ink);
  }

  private static DigitGlyph cropped(int label, int width, int height, int[] ink) {
    int left = width;
    int top = height;
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (ink[y * width + x] > 0) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    int w = right - left + 1;
    int h = bottom - top + 1;
    int[] crop = new int[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(ink, (top + y) * width + left, crop, y * w, w);
    }
    return new DigitGlyph(label, w, h, crop);
  }

  /** This glyph scaled by {@code factor}, bilinearly. */
  private DigitGlyph scaled(double factor) {
    int w = Math.max(1, (int) Math.round(width * factor));
    int h = Math.max(1, (int) Math.round(height * factor));
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      double sy = Math.min(height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
      int y0 = (int) sy;
      int y1 = Math.min(height - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = Math.min(width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
        int x0 = (int) sx;
        int x1 = Math.min(width - 1, x0 + 1);
        double fx = sx - x0;
        double top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
        double bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
        out[y * w + x] = (int) Math.round(top * (1 - fy) + bottom * fy);
      }
    }
    return new DigitGlyph(label, w, h, out);
  }
}
