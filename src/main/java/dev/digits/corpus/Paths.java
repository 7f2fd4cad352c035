package dev.digits.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small helpers to make pen paths ({@code {xs, ys}} pairs, y down) for generated drawings. */
final class Paths {
  private Paths() {}

  /** A path through the given points, {@code x0, y0, x1, y1, …}. */
  static double[][] through(double... coordinates) {
    int n = coordinates.length / 2;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = coordinates[2 * i];
      ys[i] = coordinates[2 * i + 1];
    }
    return new double[][] {xs, ys};
  }

  /**
   * A straight line from (x0, y0) to (x1, y1) as {@code points} points, so that the canvas's curve
   * follows it.
   */
  static double[][] line(double x0, double y0, double x1, double y1, int points) {
    double[] xs = new double[points];
    double[] ys = new double[points];
    for (int i = 0; i < points; i++) {
      double t = points == 1 ? 0 : (double) i / (points - 1);
      xs[i] = x0 + t * (x1 - x0);
      ys[i] = y0 + t * (y1 - y0);
    }
    return new double[][] {xs, ys};
  }

  /** A closed polygon through the corners (x, y pairs), with points along each side. */
  static double[][] polygon(double[] corners, boolean closed, int perSide) {
    int n = corners.length / 2;
    int sides = closed ? n : n - 1;
    List<double[]> points = new ArrayList<>();
    for (int s = 0; s < sides; s++) {
      double x0 = corners[2 * s];
      double y0 = corners[2 * s + 1];
      double x1 = corners[2 * ((s + 1) % n)];
      double y1 = corners[2 * ((s + 1) % n) + 1];
      for (int k = 0; k < perSide; k++) {
        double t = (double) k / perSide;
        points.add(new double[] {x0 + t * (x1 - x0), y0 + t * (y1 - y0)});
      }
    }
    int last = closed ? 0 : n - 1;
    points.add(new double[] {corners[2 * last], corners[2 * last + 1]});
    return fromPoints(points);
  }

  /** An arc of an ellipse centred at (cx, cy), from angle {@code from} to {@code to} (radians). */
  static double[][] arc(
      double cx, double cy, double rx, double ry, double from, double to, int points) {
    double[] xs = new double[points];
    double[] ys = new double[points];
    for (int i = 0; i < points; i++) {
      double a = from + (to - from) * i / (points - 1);
      xs[i] = cx + rx * Math.cos(a);
      ys[i] = cy + ry * Math.sin(a);
    }
    return new double[][] {xs, ys};
  }

  /** Moves every point of a path by up to {@code amount} either way, as an unsteady hand. */
  static double[][] jitter(double[][] path, double amount, SplittableRandom random) {
    int n = path[0].length;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = path[0][i] + (random.nextDouble() * 2 - 1) * amount;
      ys[i] = path[1][i] + (random.nextDouble() * 2 - 1) * amount;
    }
    return new double[][] {xs, ys};
  }

  static double[][] fromPoints(List<double[]> points) {
    double[] xs = new double[points.size()];
    double[] ys = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      xs[i] = points.get(i)[0];
      ys[i] = points.get(i)[1];
    }
    return new double[][] {xs, ys};
  }

  static double between(SplittableRandom random, double from, double to) {
    return from + random.nextDouble() * (to - from);
  }
}
