package dev.digits.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Handwritten-looking digits exported the way a browser canvas exports them: a 280 × 280 RGBA PNG
 * encoded as Chromium encodes it ({@link BrowserPngEncoder}), white (as the drawing page fills it)
 * or transparent (as a canvas left unfilled exports) where nothing was drawn, black anti-aliased
 * strokes with round caps and joins drawn as curves through the midpoints of their points (as the
 * drawing page does). Sizes, positions, slants, stroke widths (4–14 % of the side, the page's
 * slider range) and the wobble of each point vary from drawing to drawing, so a load test exercises
 * the preprocessing as real traffic does.
 */
public final class CanvasDrawings {
  /** Side of the PNG, as the drawing page exports it. */
  public static final int SIDE = 280;

  /**
   * Each digit as strokes of points in a unit box (x right, y down), the way people draw them.
   * Points are control points: the curve passes through the midpoints between them.
   */
  private static final double[][][] DIGITS = {
    {{0.5, 0, 0.9, 0.1, 1, 0.5, 0.9, 0.9, 0.5, 1, 0.1, 0.9, 0, 0.5, 0.1, 0.1, 0.5, 0}},
    {{0.25, 0.2, 0.6, 0, 0.6, 0.5, 0.6, 1}},
    {{0, 0.25, 0.2, 0, 0.8, 0, 1, 0.3, 0.5, 0.7, 0, 1, 0.5, 1, 1, 1}},
    {
      {0, 0.1, 0.5, -0.05, 1, 0.2, 0.9, 0.45, 0.4, 0.5, 0.4, 0.5, 1, 0.6, 1, 0.9, 0.5, 1.05, 0, 0.9}
    },
    {{0.6, 0, 0.3, 0.35, 0, 0.7, 0.5, 0.7, 1, 0.7}, {0.75, 0.35, 0.75, 0.65, 0.75, 1}},
    {{0.95, 0, 0.1, 0, 0.05, 0.45, 0.6, 0.35, 1, 0.65, 0.8, 1, 0.4, 1.05, 0, 0.9}},
    {{0.8, 0, 0.3, 0.2, 0, 0.7, 0.3, 1.05, 0.9, 0.95, 0.95, 0.6, 0.5, 0.45, 0.05, 0.65}},
    {{0, 0, 0.5, 0, 1, 0, 0.7, 0.5, 0.4, 1}},
    {
      {
        0.5, 0.5, 0.05, 0.3, 0.15, 0, 0.5, -0.02, 0.85, 0, 0.95, 0.3, 0.5, 0.5, 0, 0.7, 0.1, 1, 0.5,
        1.02, 0.9, 1, 1, 0.7, 0.5, 0.5
      }
    },
    {{0.95, 0.3, 0.6, 0.55, 0.05, 0.45, 0.1, 0, 0.6, -0.05, 0.95, 0.2, 0.9, 0.6, 0.8, 1}}
  };

  private CanvasDrawings() {}

  /** One drawing: the digit drawn and the PNG. */
  public record Drawing(int digit, byte[] png) {}

  /** What the PNG holds where nothing was drawn. */
  public enum Background {
    /** Opaque white, as the drawing page exports its canvas. */
    WHITE,
    /** Fully transparent, as a canvas exports when nothing filled it first. */
    TRANSPARENT
  }

  /**
   * {@code count} drawings on a transparent background, digits 0–9 in turn, all different; the same
   * seed gives the same PNGs.
   */
  public static List<Drawing> generate(int count, long seed) {
    return generate(count, seed, Background.TRANSPARENT);
  }

  /**
   * {@code count} drawings, digits 0–9 in turn, all different; the same seed gives the same strokes
   * on either background.
   */
  public static List<Drawing> generate(int count, long seed, Background background) {
    Random random = new Random(seed);
    List<Drawing> drawings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int digit = i % 10;
      drawings.add(new Drawing(digit, BrowserPngEncoder.encode(draw(digit, random, background))));
    }
    return drawings;
  }

  private static BufferedImage draw(int digit, Random random, Background background) {
    BufferedImage canvas = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = canvas.createGraphics();
    if (background == Background.WHITE) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, SIDE, SIDE);
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.BLACK);
    double lineWidth = SIDE * (0.04 + 0.10 * random.nextDouble());
    g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    // The box the digit's path spans: people draw small and large, tall and squat, off-centre.
    double height = SIDE * (0.35 + 0.4 * random.nextDouble());
    double width = height * (0.45 + 0.35 * random.nextDouble()) * (digit == 1 ? 0.5 : 1);
    double slant = (random.nextDouble() - 0.3) * 0.35;
    // Strokes overshoot the unit box a little and the slant widens it; keep all ink on the canvas.
    double overshoot = 0.06;
    double extentX = width * (1 + Math.abs(slant) + 2 * overshoot);
    double extentY = height * (1 + 2 * overshoot);
    double margin = lineWidth / 2 + 2;
    double left =
        margin
            + width * (overshoot + Math.max(0, -slant))
            + random.nextDouble() * Math.max(0, SIDE - extentX - 2 * margin);
    double top =
        margin
            + height * overshoot
            + random.nextDouble() * Math.max(0, SIDE - extentY - 2 * margin);
    double wobble = 0.04;
    for (double[] stroke : DIGITS[digit]) {
      List<Point2D> points = new ArrayList<>();
      for (int p = 0; p < stroke.length; p += 2) {
        double u = stroke[p] + wobble * (random.nextDouble() - 0.5);
        double v = stroke[p + 1] + wobble * (random.nextDouble() - 0.5);
        points.add(new Point2D.Double(left + width * (u + slant * (1 - v)), top + height * v));
      }
      g.draw(throughMidpoints(points));
    }
    g.dispose();
    return canvas;
  }

  /** The drawing page's curve: quadratic segments through the midpoints of the points. */
  private static Path2D throughMidpoints(List<Point2D> points) {
    Path2D.Double path = new Path2D.Double();
    Point2D first = points.get(0);
    path.moveTo(first.getX(), first.getY());
    for (int i = 1; i < points.size() - 1; i++) {
      Point2D point = points.get(i);
      Point2D next = points.get(i + 1);
      path.quadTo(
          point.getX(),
          point.getY(),
          (point.getX() + next.getX()) / 2,
          (point.getY() + next.getY()) / 2);
    }
    Point2D last = points.get(points.size() - 1);
    path.lineTo(last.getX(), last.getY());
    return path;
  }
}
