package dev.digits.corpus;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Geometric shapes drawn by hand: triangles, squares and rectangles, diamonds, pentagons and
 * hexagons, five-pointed stars, plus signs and crosses. Circles and ellipses are left out: drawn by
 * hand they are zeros.
 */
final class Shapes {
  private Shapes() {}

  static List<double[][]> any(SplittableRandom random) {
    return switch (random.nextInt(7)) {
      case 0 -> List.<double[][]>of(regular(3, -Math.PI / 2, random));
      case 1 -> List.<double[][]>of(rectangle(random));
      case 2 -> List.<double[][]>of(regular(4, 0, random));
      case 3 -> List.<double[][]>of(regular(random.nextInt(5, 7), -Math.PI / 2, random));
      case 4 -> List.<double[][]>of(star(random));
      case 5 -> plus(random);
      default -> cross(random);
    };
  }

  private static double[][] regular(int sides, double start, SplittableRandom random) {
    double[] corners = new double[2 * sides];
    for (int i = 0; i < sides; i++) {
      double a = start + 2 * Math.PI * i / sides;
      corners[2 * i] = Math.cos(a) + (random.nextDouble() - 0.5) * 0.15;
      corners[2 * i + 1] = Math.sin(a) + (random.nextDouble() - 0.5) * 0.15;
    }
    return Paths.polygon(corners, true, 4);
  }

  private static double[][] rectangle(SplittableRandom random) {
    double width = Paths.between(random, 0.5, 2);
    double height = Paths.between(random, 0.5, 2);
    double[] corners = {0, 0, width, 0, width, height, 0, height};
    for (int i = 0; i < corners.length; i++) {
      corners[i] += (random.nextDouble() - 0.5) * 0.1;
    }
    return Paths.polygon(corners, true, 4);
  }

  private static double[][] star(SplittableRandom random) {
    double[] corners = new double[10];
    for (int i = 0; i < 5; i++) {
      // Every second point of a pentagon: the star drawn in one stroke.
      double a = -Math.PI / 2 + 2 * Math.PI * (2 * i % 5) / 5;
      corners[2 * i] = Math.cos(a) + (random.nextDouble() - 0.5) * 0.1;
      corners[2 * i + 1] = Math.sin(a) + (random.nextDouble() - 0.5) * 0.1;
    }
    return Paths.polygon(corners, true, 3);
  }

  private static List<double[][]> plus(SplittableRandom random) {
    double arm = Paths.between(random, 0.7, 1.3);
    return List.<double[][]>of(
        Paths.line(-1, random.nextDouble() * 0.1, 1, random.nextDouble() * 0.1, 4),
        Paths.line(random.nextDouble() * 0.1, -arm, random.nextDouble() * 0.1, arm, 4));
  }

  private static List<double[][]> cross(SplittableRandom random) {
    double width = Paths.between(random, 0.7, 1.3);
    return List.<double[][]>of(
        Paths.line(-width, -1, width, 1, 4), Paths.line(width, -1, -width, 1, 4));
  }
}
