package dev.digits.corpus;

import dev.digits.drawing.CanvasPainter;
import dev.digits.drawing.Drawing;
import dev.digits.drawing.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a shape made of pen paths is put on the page's canvas, drawn at random within ranges: its
 * size, the pen's width, slant, rotation, proportions, a smooth wobble of the hand, and its place.
 *
 * @param minSize smallest longer side of the ink's box, pen included, in canvas pixels
 * @param maxSize largest such side (at most the canvas's)
 * @param minPen thinnest pen, in canvas pixels
 * @param maxPen thickest pen
 * @param maxPenShare the pen is at most this share of the ink box's longer side
 * @param maxSlantDegrees shear either way, as handwriting leans
 * @param maxRotationDegrees rotation either way
 * @param maxStretch relative change of the width against the height either way
 * @param maxWobble largest smooth displacement of the points, as a share of the shape's size
 */
public record PenStyle(
    int minSize,
    int maxSize,
    double minPen,
    double maxPen,
    double maxPenShare,
    double maxSlantDegrees,
    double maxRotationDegrees,
    double maxStretch,
    double maxWobble) {

  /**
   * What people do on the page: a digit from a fifth of the pad to nearly all of it, with the
   * page's pens (4–14 % of the pad) and thinner ones of other canvases, leaning and tilting a
   * little either way.
   */
  public static final PenStyle PAGE = new PenStyle(56, 272, 3, 39, 0.4, 15, 10, 0.15, 0.03);

  /** Three waves of the wobble, each a plane wave across the shape. */
  private static final int WAVES = 3;

  public PenStyle {
    if (minSize < 4 || maxSize > CanvasPainter.EXPORT_SIDE || minSize > maxSize) {
      throw new IllegalArgumentException("sizes must lie within the canvas: " + this);
    }
    if (!(minPen > 0) || minPen > maxPen || !(maxPenShare > 0)) {
      throw new IllegalArgumentException("pens must be positive and ordered: " + this);
    }
  }

  /** This style with sizes in another range. */
  public PenStyle withSizes(int newMinSize, int newMaxSize) {
    return new PenStyle(
        newMinSize,
        newMaxSize,
        minPen,
        maxPen,
        maxPenShare,
        maxSlantDegrees,
        maxRotationDegrees,
        maxStretch,
        maxWobble);
  }

  /**
   * Puts paths on the canvas in a style drawn from {@code random}.
   *
   * @param paths polylines as {@code {xs, ys}} pairs in any units, y growing downwards
   */
  public Drawing place(List<double[][]> paths, SplittableRandom random) {
    int size = random.nextInt(minSize, maxSize + 1);
    double pen = pen(size, random);
    return placeAt(paths, size, pen, random);
  }

  /**
   * Puts paths on the canvas at a given size and pen, the rest of the style drawn from {@code
   * random}.
   */
  public Drawing placeAt(List<double[][]> paths, int size, double pen, SplittableRandom random) {
    List<double[][]> shaped = shape(paths, random);
    Rectangle2D box = bounds(shaped);
    double span = Math.max(box.getWidth(), box.getHeight());
    double scale = span > 0 ? (size - pen) / span : 1;
    double width = box.getWidth() * scale + pen;
    double height = box.getHeight() * scale + pen;
    double side = CanvasPainter.EXPORT_SIDE;
    double left = random.nextDouble() * Math.max(0, side - width);
    double top = random.nextDouble() * Math.max(0, side - height);
    AffineTransform place = new AffineTransform();
    place.translate(left + pen / 2, top + pen / 2);
    place.scale(scale, scale);
    place.translate(-box.getMinX(), -box.getMinY());
    List<Stroke> strokes = new ArrayList<>(shaped.size());
    for (double[][] path : shaped) {
      strokes.add(new Stroke(path[0], path[1], pen).transformed(place));
    }
    return new Drawing(strokes);
  }

  /** A pen width for a shape of {@code size}, within both limits. */
  double pen(int size, SplittableRandom random) {
    double thickest = Math.max(minPen, Math.min(maxPen, maxPenShare * size));
    return minPen + random.nextDouble() * (thickest - minPen);
  }

  /** Wobble, slant, stretch and rotation, about the shape's centre, in a unit-sized frame. */
  private List<double[][]> shape(List<double[][]> paths, SplittableRandom random) {
    Rectangle2D box = bounds(paths);
    double span = Math.max(1e-9, Math.max(box.getWidth(), box.getHeight()));
    double[] amplitude = new double[2 * WAVES];
    double[] frequencyX = new double[2 * WAVES];
    double[] frequencyY = new double[2 * WAVES];
    double[] phase = new double[2 * WAVES];
    double wobble = random.nextDouble() * maxWobble;
    for (int k = 0; k < 2 * WAVES; k++) {
      amplitude[k] = wobble * (0.5 + random.nextDouble()) / WAVES;
      frequencyX[k] = (random.nextDouble() * 2 - 1) * 1.5 * Math.PI;
      frequencyY[k] = (random.nextDouble() * 2 - 1) * 1.5 * Math.PI;
      phase[k] = random.nextDouble() * 2 * Math.PI;
    }
    double slant = Math.tan(Math.toRadians(symmetric(random, maxSlantDegrees)));
    double stretch = 1 + symmetric(random, maxStretch);
    double rotation = Math.toRadians(symmetric(random, maxRotationDegrees));
    double cos = Math.cos(rotation);
    double sin = Math.sin(rotation);
    List<double[][]> shaped = new ArrayList<>(paths.size());
    for (double[][] path : paths) {
      int n = path[0].length;
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        double u = (path[0][i] - box.getCenterX()) / span;
        double v = (path[1][i] - box.getCenterY()) / span;
        double du = 0;
        double dv = 0;
        for (int k = 0; k < WAVES; k++) {
          du += amplitude[k] * Math.sin(frequencyX[k] * u + frequencyY[k] * v + phase[k]);
          int j = WAVES + k;
          dv += amplitude[j] * Math.sin(frequencyX[j] * u + frequencyY[j] * v + phase[j]);
        }
        u += du;
        v += dv;
        // Writing leans by shearing x with height; y grows downwards, so the top goes right.
        u = (u - slant * v) * stretch;
        xs[i] = cos * u - sin * v;
        ys[i] = sin * u + cos * v;
      }
      shaped.add(new double[][] {xs, ys});
    }
    return shaped;
  }

  private static double symmetric(SplittableRandom random, double limit) {
    return limit == 0 ? 0 : (2 * random.nextDouble() - 1) * limit;
  }

  static Rectangle2D bounds(List<double[][]> paths) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[][] path : paths) {
      for (int i = 0; i < path[0].length; i++) {
        minX = Math.min(minX, path[0][i]);
        maxX = Math.max(maxX, path[0][i]);
        minY = Math.min(minY, path[1][i]);
        maxY = Math.max(maxY, path[1][i]);
      }
    }
    return new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
  }
}
