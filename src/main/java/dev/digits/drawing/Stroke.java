package dev.digits.drawing;

import java.awt.geom.AffineTransform;
import java.util.Arrays;

/**
 * One stroke of a pen: the points it passed, in canvas pixels (x right, y down), and its width. As
 * on the page, the points are control points: the line drawn passes through the midpoints between
 * them, and a stroke of one point is a dot.
 *
 * @param x the points' x coordinates
 * @param y the points' y coordinates, as many as {@code x}, at least one
 * @param width the pen's diameter in canvas pixels
 */
public record Stroke(double[] x, double[] y, double width) {
  public Stroke {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          "a stroke needs as many x as y coordinates, at least one: " + x.length + ", " + y.length);
    }
    if (!(width > 0) || !Double.isFinite(width)) {
      throw new IllegalArgumentException("a pen's width must be positive, got " + width);
    }
    x = x.clone();
    y = y.clone();
  }

  /** Number of points. */
  public int size() {
    return x.length;
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  /** The x coordinate of point {@code i}. */
  public double x(int i) {
    return x[i];
  }

  /** The y coordinate of point {@code i}. */
  public double y(int i) {
    return y[i];
  }

  /** This stroke with its points mapped by {@code transform}; the width is kept. */
  public Stroke transformed(AffineTransform transform) {
    double[] points = new double[2 * x.length];
    for (int i = 0; i < x.length; i++) {
      points[2 * i] = x[i];
      points[2 * i + 1] = y[i];
    }
    transform.transform(points, 0, points, 0, x.length);
    double[] newX = new double[x.length];
    double[] newY = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      newX[i] = points[2 * i];
      newY[i] = points[2 * i + 1];
    }
    return new Stroke(newX, newY, width);
  }

  /** This stroke drawn with another pen. */
  public Stroke withWidth(double newWidth) {
    return new Stroke(x, y, newWidth);
  }

  /** Length of the polyline through the points. */
  public double length() {
    double length = 0;
    for (int i = 1; i < x.length; i++) {
      length += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
    }
    return length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Stroke that
        && Arrays.equals(x, that.x)
        && Arrays.equals(y, that.y)
        && Double.compare(width, that.width) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(y)) + Double.hashCode(width);
  }

  @Override
  public String toString() {
    return "Stroke[" + x.length + " points, width " + width + "]";
  }
}
