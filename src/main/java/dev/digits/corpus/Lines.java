package dev.digits.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lines within 25° of the horizontal — one, or two or three in parallel like = and ≡, or broken
 * like a dash. Steeper lines are left out: a line near the vertical is how people write a 1.
 */
final class Lines {
  private static final double MAX_ANGLE = Math.toRadians(25);

  private Lines() {}

  static List<double[][]> any(SplittableRandom random) {
    double angle = Paths.between(random, -MAX_ANGLE, MAX_ANGLE);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    int count = random.nextDouble() < 0.6 ? 1 : random.nextInt(2, 4);
    boolean dashed = count == 1 && random.nextDouble() < 0.2;
    double spacing = Paths.between(random, 0.12, 0.4);
    List<double[][]> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double start = (random.nextDouble() - 0.5) * 0.15;
      double end = 1 + (random.nextDouble() - 0.5) * 0.15;
      double offset = i * spacing;
      double bow = (random.nextDouble() - 0.5) * 0.08;
      if (dashed) {
        int dashes = random.nextInt(2, 4);
        for (int d = 0; d < dashes; d++) {
          double from = (double) d / dashes;
          double to = from + 0.6 / dashes;
          paths.add(rotated(from, to, offset, 0, cos, sin));
        }
      } else {
        paths.add(rotated(start, end, offset, bow, cos, sin));
      }
    }
    return paths;
  }

  /** A line along x from {@code from} to {@code to} at height {@code offset}, bowed, rotated. */
  private static double[][] rotated(
      double from, double to, double offset, double bow, double cos, double sin) {
    int points = 5;
    double[] xs = new double[points];
    double[] ys = new double[points];
    for (int i = 0; i < points; i++) {
      double t = (double) i / (points - 1);
      double x = from + t * (to - from);
      double y = offset + bow * Math.sin(Math.PI * t);
      xs[i] = cos * x - sin * y;
      ys[i] = sin * x + cos * y;
    }
    return new double[][] {xs, ys};
  }
}
