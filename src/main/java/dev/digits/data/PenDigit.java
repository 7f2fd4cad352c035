package dev.digits.data;

import java.util.List;

/**
 * One digit written with a pen on a tablet, as its trajectories: where the pen went while it
 * touched the surface, stroke by stroke, in tablet units with y growing upwards (UNIPEN's
 * convention; flip it for a canvas).
 *
 * @param label the digit written, 0–9
 * @param writer who wrote it, as numbered in the source file
 * @param sample the sample's number in the source file
 * @param strokes the pen-down trajectories in the order they were written, at least one
 */
public record PenDigit(int label, int writer, int sample, List<PenStroke> strokes) {

  /**
   * One pen-down trajectory.
   *
   * @param x the points' x coordinates
   * @param y the points' y coordinates (upwards), as many as {@code x}, at least one
   */
  public record PenStroke(int[] x, int[] y) {
    public PenStroke {
      if (x.length != y.length || x.length == 0) {
        throw new IllegalArgumentException(
            "a stroke needs as many x as y coordinates, at least one: "
                + x.length
                + ", "
                + y.length);
      }
      x = x.clone();
      y = y.clone();
    }

    /** Number of points. */
    public int size() {
      return x.length;
    }

    @Override
    public int[] x() {
      return x.clone();
    }

    @Override
    public int[] y() {
      return y.clone();
    }

    /** The x coordinate of point {@code i}. */
    public int x(int i) {
      return x[i];
    }

    /** The y coordinate of point {@code i}. */
    public int y(int i) {
      return y[i];
    }
  }

  public PenDigit {
    if (label < 0 || label > 9) {
      throw new IllegalArgumentException("a digit's label is 0–9, got " + label);
    }
    if (strokes.isEmpty()) {
      throw new IllegalArgumentException("a digit needs at least one stroke");
    }
    strokes = List.copyOf(strokes);
  }
}
