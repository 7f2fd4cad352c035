package dev.digits.reading;

import dev.digits.TestData;
import dev.digits.benchmark.DigitGlyph;
import dev.digits.benchmark.NumberImages;
import dev.digits.data.LabelledImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Numbers written for the tests: MNIST's test digits set side by side, or pen strokes. */
final class WrittenNumbers {
  private WrittenNumbers() {}

  /**
   * The digits of {@code number}, each MNIST's first test image of that digit (the {@code n}th
   * where a digit repeats), {@code heights[i]} pixels tall, {@code gap} pixels apart ink to ink
   * (−1: touching), each {@code drop} pixels lower than the one before.
   */
  static BufferedImage mnist(String number, int[] heights, int gap, int drop) {
    LabelledImages test = TestData.mnist().test();
    List<DigitGlyph> glyphs = new ArrayList<>();
    int[] gaps = new int[number.length()];
    int[] drops = new int[number.length()];
    for (int i = 0; i < number.length(); i++) {
      int digit = number.charAt(i) - '0';
      char symbol = number.charAt(i);
      int repeat = (int) number.substring(0, i).chars().filter(c -> c == symbol).count();
      glyphs.add(DigitGlyph.mnist(test.images(), index(test, digit, repeat), digit, heights[i]));
      gaps[i] = gap;
      drops[i] = i * drop;
    }
    return NumberImages.compose(glyphs, gaps, drops);
  }

  static BufferedImage mnist(String number, int height, int gap) {
    int[] heights = new int[number.length()];
    Arrays.fill(heights, height);
    return mnist(number, heights, gap, 0);
  }

  private static int index(LabelledImages test, int digit, int repeat) {
    for (int i = 0, seen = 0; i < test.size(); i++) {
      if (test.label(i) == digit && seen++ == repeat) {
        return i;
      }
    }
    throw new IllegalArgumentException("no test image of " + digit);
  }

  /**
   * Strokes drawn black on white with round caps, as the page draws them: each stroke a polyline
   * through x, y pairs in pixels.
   */
  static BufferedImage strokes(int width, int height, double pen, double[]... strokes) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (double[] stroke : strokes) {
      Path2D.Double path = new Path2D.Double();
      path.moveTo(stroke[0], stroke[1]);
      for (int i = 2; i + 1 < stroke.length; i += 2) {
        path.lineTo(stroke[i], stroke[i + 1]);
      }
      g.draw(path);
    }
    g.dispose();
    return image;
  }

  /** Points of an ellipse's arc, clockwise on screen from {@code from} to {@code to} degrees. */
  static double[] arc(double cx, double cy, double rx, double ry, double from, double to) {
    int steps = 24;
    double[] xy = new double[2 * (steps + 1)];
    for (int i = 0; i <= steps; i++) {
      double angle = Math.toRadians(from + (to - from) * i / steps);
      xy[2 * i] = cx + rx * Math.cos(angle);
      xy[2 * i + 1] = cy + ry * Math.sin(angle);
    }
    return xy;
  }
}
