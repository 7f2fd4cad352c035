package dev.digits.serving;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Digits as a person draws them on the pad: strokes through points given as fractions of the pad's
 * side, in the order a hand moves. Plain shapes in MNIST's style (an open-topped 4, a 7 without a
 * bar through it), sized like a digit drawn to fill most of the pad.
 */
final class HandDrawnDigits {
  private HandDrawnDigits() {}

  /** A bar leftwards from the top of the {@code 1}: with it, the 1 becomes a 7. */
  static final List<double[]> BAR_MAKING_ONE_A_SEVEN = polyline(6, 0.26, 0.19, 0.52, 0.18);

  /** A tap in the middle of the pad: a dot, too little ink to read as a digit. */
  static final List<double[]> DOT = List.<double[]>of(new double[] {0.5, 0.5});

  /** The digits these shapes exist for. */
  static final List<Integer> DIGITS = List.of(0, 1, 2, 3, 4, 7, 8);

  /** The strokes of {@code digit}, each a list of {x, y} points. */
  static List<List<double[]>> strokes(int digit) {
    return switch (digit) {
      case 0 -> List.of(arc(0.5, 0.5, 0.2, 0.3, -100, 275, 28));
      case 1 -> List.of(polyline(8, 0.52, 0.18, 0.48, 0.82));
      case 2 ->
          List.of(
              join(
                  arc(0.5, 0.36, 0.18, 0.15, -170, 30, 12),
                  polyline(8, 0.64, 0.47, 0.3, 0.8, 0.72, 0.8)));
      case 3 ->
          List.of(
              join(
                  arc(0.48, 0.36, 0.16, 0.13, -160, 90, 14),
                  arc(0.48, 0.63, 0.18, 0.14, -90, 160, 14)));
      case 4 ->
          List.of(polyline(6, 0.5, 0.18, 0.3, 0.58, 0.72, 0.58), polyline(8, 0.6, 0.35, 0.6, 0.85));
      case 7 -> List.of(polyline(6, 0.28, 0.2, 0.72, 0.2, 0.44, 0.82));
      case 8 -> List.of(figureEight(0.5, 0.5, 0.17, 0.31, 40));
      default -> throw new IllegalArgumentException("no strokes for " + digit);
    };
  }

  /**
   * The digit drawn as the page exports it: black round-capped strokes on white, {@code side}
   * pixels square, the pen {@code penShare} of the side wide (the page's default is 0.08).
   */
  static BufferedImage render(int digit, int side, double penShare) {
    return render(strokes(digit), side, penShare);
  }

  /** Strokes drawn as {@link #render(int, int, double)} draws a digit's. */
  static BufferedImage render(List<List<double[]>> strokes, int side, double penShare) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, side, side);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.BLACK);
    g.setStroke(
        new BasicStroke((float) (penShare * side), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (List<double[]> stroke : strokes) {
      Path2D.Double path = new Path2D.Double();
      path.moveTo(stroke.get(0)[0] * side, stroke.get(0)[1] * side);
      for (double[] point : stroke.subList(1, stroke.size())) {
        path.lineTo(point[0] * side, point[1] * side);
      }
      g.draw(path);
    }
    g.dispose();
    return image;
  }

  /**
   * Points along an ellipse around ({@code cx}, {@code cy}) from angle {@code from} to {@code to}
   * in degrees, clockwise on screen (0° is to the right, 90° straight down).
   */
  static List<double[]> arc(
      double cx, double cy, double rx, double ry, double from, double to, int steps) {
    List<double[]> points = new ArrayList<>(steps + 1);
    for (int i = 0; i <= steps; i++) {
      double angle = Math.toRadians(from + (to - from) * i / steps);
      points.add(new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)});
    }
    return points;
  }

  /** Points along straight segments through the given x, y pairs, {@code steps} per segment. */
  static List<double[]> polyline(int steps, double... xy) {
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {xy[0], xy[1]});
    for (int k = 2; k + 1 < xy.length; k += 2) {
      double x0 = xy[k - 2];
      double y0 = xy[k - 1];
      for (int i = 1; i <= steps; i++) {
        double t = (double) i / steps;
        points.add(new double[] {x0 + (xy[k] - x0) * t, y0 + (xy[k + 1] - y0) * t});
      }
    }
    return points;
  }

  /**
   * A figure of eight in one stroke from its top, crossing itself at the centre: x = sin 2t, y =
   * sin t.
   */
  static List<double[]> figureEight(double cx, double cy, double rx, double ry, int steps) {
    List<double[]> points = new ArrayList<>(steps + 1);
    for (int i = 0; i <= steps; i++) {
      double t = -Math.PI / 2 + 2 * Math.PI * i / steps;
      points.add(new double[] {cx + rx * Math.sin(2 * t), cy + ry * Math.sin(t)});
    }
    return points;
  }

  private static List<double[]> join(List<double[]> first, List<double[]> second) {
    List<double[]> points = new ArrayList<>(first);
    points.addAll(second.subList(1, second.size()));
    return points;
  }
}
