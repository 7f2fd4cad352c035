package dev.digits.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random pen movements: wandering lines, zigzags, rows of loops, hatching, scratched-out areas. */
final class Scribbles {
  private Scribbles() {}

  static List<double[][]> any(SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0 -> wander(random);
      case 1 -> List.<double[][]>of(zigzag(random));
      case 2 -> List.<double[][]>of(loops(random));
      case 3 -> List.<double[][]>of(hatching(random));
      default -> List.<double[][]>of(scratch(random));
    };
  }

  /**
   * Two to four strokes — a line, an arc, a hook or a small loop each — scattered over a square, as
   * in a drawing that is no character at all.
   */
  static List<double[][]> strokes(SplittableRandom random) {
    int count = random.nextInt(2, 5);
    List<double[][]> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double x = random.nextDouble();
      double y = random.nextDouble();
      double size = Paths.between(random, 0.3, 0.9);
      double angle = random.nextDouble() * 2 * Math.PI;
      double[][] path =
          switch (random.nextInt(4)) {
            case 0 -> Paths.line(x, y, x + size * Math.cos(angle), y + size * Math.sin(angle), 4);
            case 1 ->
                Paths.arc(
                    x, y, size / 2, size / 2, angle, angle + Paths.between(random, 1.5, 4), 10);
            case 2 ->
                Paths.through(
                    x,
                    y,
                    x + size * Math.cos(angle),
                    y + size * Math.sin(angle),
                    x + size * Math.cos(angle + 2.3),
                    y + size * Math.sin(angle + 2.3));
            default -> Paths.arc(x, y, size / 4, size / 4, angle, angle + 2 * Math.PI, 12);
          };
      paths.add(path);
    }
    return paths;
  }

  /** One or two strokes that wander, turning gradually and now and then sharply. */
  private static List<double[][]> wander(SplittableRandom random) {
    int strokes = random.nextDouble() < 0.7 ? 1 : 2;
    List<double[][]> paths = new ArrayList<>();
    for (int s = 0; s < strokes; s++) {
      int n = random.nextInt(10, 32);
      List<double[]> points = new ArrayList<>();
      double x = random.nextDouble() * 2;
      double y = random.nextDouble() * 2;
      double heading = random.nextDouble() * 2 * Math.PI;
      double turn = Paths.between(random, -0.6, 0.6);
      for (int i = 0; i < n; i++) {
        points.add(new double[] {x, y});
        turn += random.nextGaussian() * 0.35;
        turn = Math.max(-1.2, Math.min(1.2, turn));
        heading += turn + (random.nextDouble() < 0.1 ? Paths.between(random, -2.5, 2.5) : 0);
        double step = Paths.between(random, 0.2, 0.45);
        x += step * Math.cos(heading);
        y += step * Math.sin(heading);
      }
      paths.add(Paths.fromPoints(points));
    }
    return paths;
  }

  /** Up and down across the page, or side to side down it. */
  private static double[][] zigzag(SplittableRandom random) {
    int peaks = random.nextInt(4, 10);
    double height = Paths.between(random, 0.3, 1.5);
    List<double[]> points = new ArrayList<>();
    boolean sideways = random.nextDouble() < 0.3;
    for (int i = 0; i <= peaks; i++) {
      double along = i * Paths.between(random, 0.25, 0.45);
      double across = (i % 2 == 0 ? 0 : height) + (random.nextDouble() - 0.5) * 0.15;
      points.add(sideways ? new double[] {across, along} : new double[] {along, across});
    }
    return Paths.fromPoints(points);
  }

  /** A row of loops, as a child writes a line of e's or l's. */
  private static double[][] loops(SplittableRandom random) {
    int loops = random.nextInt(3, 7);
    double radius = Paths.between(random, 0.3, 0.6);
    double advance = Paths.between(random, 0.35, 0.8);
    double tall = Paths.between(random, 0.8, 2.2);
    int n = loops * 12;
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      double t = 2 * Math.PI * i / 12.0;
      points.add(
          new double[] {
            advance * t / (2 * Math.PI) + radius * Math.cos(t), -tall * radius * Math.sin(t)
          });
    }
    return Paths.fromPoints(points);
  }

  /** Back-and-forth lines filling a patch. */
  private static double[][] hatching(SplittableRandom random) {
    int lines = random.nextInt(4, 10);
    double length = Paths.between(random, 1, 2.5);
    double spacing = Paths.between(random, 0.12, 0.35);
    double lean = Paths.between(random, -0.6, 0.6);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      double y = i * spacing;
      boolean forward = i % 2 == 0;
      points.add(new double[] {(forward ? 0 : length) + lean * y, y});
      points.add(new double[] {(forward ? length : 0) + lean * y, y + spacing / 2});
    }
    return Paths.fromPoints(points);
  }

  /** Fast movements over a small area, as when scratching something out. */
  private static double[][] scratch(SplittableRandom random) {
    int n = random.nextInt(20, 50);
    double width = Paths.between(random, 0.6, 2);
    double height = Paths.between(random, 0.4, 1.2);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(new double[] {random.nextDouble() * width, random.nextDouble() * height});
    }
    return Paths.fromPoints(points);
  }
}
