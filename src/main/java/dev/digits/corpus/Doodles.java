package dev.digits.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Little pictures people doodle: hearts, smileys, spirals, arrows, houses, suns, waves and ticks.
 * Held out of training, to measure declining on a kind of drawing the network has never seen.
 */
final class Doodles {
  private Doodles() {}

  static List<double[][]> any(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> heart(random);
      case 1 -> smiley(random);
      case 2 -> List.<double[][]>of(spiral(random));
      case 3 -> arrow(random);
      case 4 -> house(random);
      case 5 -> sun(random);
      case 6 -> List.<double[][]>of(wave(random));
      default -> List.<double[][]>of(Paths.through(0, 0.5, 0.35, 1, 1.2, -0.4));
    };
  }

  private static List<double[][]> heart(SplittableRandom random) {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i <= 40; i++) {
      double t = 2 * Math.PI * i / 40;
      double x = 16 * Math.pow(Math.sin(t), 3);
      double y = -(13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t));
      points.add(new double[] {x / 16, y / 16});
    }
    return List.<double[][]>of(Paths.jitter(Paths.fromPoints(points), 0.02, random));
  }

  private static List<double[][]> smiley(SplittableRandom random) {
    double eye = Paths.between(random, 0.25, 0.4);
    return List.<double[][]>of(
        Paths.arc(0, 0, 1, 1, 0, 2 * Math.PI, 30),
        new double[][] {{-eye}, {-0.3}},
        new double[][] {{eye}, {-0.3}},
        Paths.arc(0, 0.1, 0.55, 0.45, 0.2 * Math.PI, 0.8 * Math.PI, 10));
  }

  private static double[][] spiral(SplittableRandom random) {
    double turns = Paths.between(random, 2, 4);
    int n = (int) (turns * 16);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      double t = 2 * Math.PI * turns * i / n;
      double r = t / (2 * Math.PI * turns);
      points.add(new double[] {r * Math.cos(t), r * Math.sin(t)});
    }
    return Paths.fromPoints(points);
  }

  private static List<double[][]> arrow(SplittableRandom random) {
    double head = Paths.between(random, 0.2, 0.35);
    return List.<double[][]>of(
        Paths.line(0, 0, 1.5, 0, 4), Paths.through(1.5 - head, -head, 1.5, 0, 1.5 - head, head));
  }

  private static List<double[][]> house(SplittableRandom random) {
    double roof = Paths.between(random, 0.4, 0.8);
    return List.<double[][]>of(
        Paths.polygon(new double[] {0, 0, 1, 0, 1, 1, 0, 1}, true, 3),
        Paths.through(-0.1, 0, 0.5, -roof, 1.1, 0));
  }

  private static List<double[][]> sun(SplittableRandom random) {
    List<double[][]> paths = new ArrayList<>();
    paths.add(Paths.arc(0, 0, 0.5, 0.5, 0, 2 * Math.PI, 24));
    int rays = random.nextInt(6, 11);
    for (int i = 0; i < rays; i++) {
      double a = 2 * Math.PI * i / rays;
      paths.add(Paths.line(0.65 * Math.cos(a), 0.65 * Math.sin(a), Math.cos(a), Math.sin(a), 2));
    }
    return paths;
  }

  private static double[][] wave(SplittableRandom random) {
    int crests = random.nextInt(2, 5);
    double amplitude = Paths.between(random, 0.15, 0.4);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i <= crests * 10; i++) {
      double t = 2 * Math.PI * i / 10;
      points.add(new double[] {t / (2 * Math.PI) * 0.8, amplitude * Math.sin(t)});
    }
    return Paths.fromPoints(points);
  }
}
