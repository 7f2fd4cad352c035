package dev.digits.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The painter draws what the page's canvas draws ({@code drawStrokes} in {@code canvas.js}): a
 * one-point stroke is a filled disc of the pen's diameter; any longer stroke is the pen swept along
 * a curve that starts at the first point, runs through the midpoints between the points as
 * quadratic segments with the points as control points, and ends with a straight piece to the last
 * point. The tests compute that curve independently and check every pixel against it.
 */
class CanvasPainterTest {
  /**
   * Pixels whose centre is this much inside or outside the pen's edge are fully ink or fully paper:
   * a pixel's corner lies within 0.71 px of its centre, and curves are flattened into short lines
   * before they are filled, which moves the edge a fraction of a pixel more.
   */
  private static final double EDGE = 1.5;

  @ParameterizedTest(name = "pen {0}")
  @ValueSource(doubles = {3, 12.5, 40})
  void aOnePointStrokeIsARoundDotOfThePensWidth(double pen) {
    double cx = 140.3;
    double cy = 101.7;
    Drawing dot = new Drawing(List.of(new Stroke(new double[] {cx}, new double[] {cy}, pen)));

    BufferedImage image = CanvasPainter.paintAsExported(dot);

    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        double distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        if (distance < pen / 2 - EDGE) {
          assertThat(grey(image, x, y)).as("(%d, %d) inside the dot", x, y).isZero();
        } else if (distance > pen / 2 + EDGE) {
          assertThat(grey(image, x, y)).as("(%d, %d) outside the dot", x, y).isEqualTo(255);
        }
      }
    }
    assertThat(inkArea(image)).isCloseTo(Math.PI * pen * pen / 4, withinPercentage(6));
  }

  @Test
  void aTwoPointStrokeIsAStraightLineWithRoundEnds() {
    Stroke stroke = new Stroke(new double[] {60, 220}, new double[] {200, 80}, 16);

    assertInkFollows(stroke, canvasCurve(stroke));
  }

  @Test
  void inkRunsThroughTheMidpointsNotThroughThePoints() {
    // A sharp V: a polyline through the points would have ink at its tip, the canvas's curve not.
    Stroke stroke = new Stroke(new double[] {40, 140, 240}, new double[] {240, 40, 240}, 8);

    BufferedImage image = assertInkFollows(stroke, canvasCurve(stroke));

    assertThat(grey(image, 140, 40)).as("the control point stays paper").isEqualTo(255);
    // The first quadratic segment's middle: ¼ P0 + ½ P1 + ¼ mid(P1, P2) = (127.5, 115).
    assertThat(grey(image, 127, 115)).as("the curve's middle").isZero();
    // The straight piece from the last midpoint (190, 140) to the last point.
    assertThat(grey(image, 215, 190)).isZero();
  }

  @Test
  void aLongWanderingStrokeFollowsTheCanvasCurveEverywhere() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 12;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = 30 + random.nextDouble() * 220;
      ys[i] = 30 + random.nextDouble() * 220;
    }
    Stroke stroke = new Stroke(xs, ys, 11);

    assertInkFollows(stroke, canvasCurve(stroke));
  }

  @Test
  void paintsOnThePalettesPaperWithItsInk() {
    Color paper = new Color(10, 20, 30);
    Color ink = new Color(200, 150, 100);
    Drawing dot = new Drawing(List.of(new Stroke(new double[] {20}, new double[] {20}, 10)));

    BufferedImage image = CanvasPainter.paint(dot, 40, new CanvasPainter.Palette(paper, ink));

    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(image.getHeight()).isEqualTo(40);
    assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(paper.getRGB() & 0xFFFFFF);
    assertThat(image.getRGB(20, 20) & 0xFFFFFF).isEqualTo(ink.getRGB() & 0xFFFFFF);
  }

  @Test
  void theExportIsBlackOnWhiteAt280Pixels() {
    Drawing dot = new Drawing(List.of(new Stroke(new double[] {140}, new double[] {140}, 20)));

    BufferedImage image = CanvasPainter.paintAsExported(dot);

    assertThat(image.getWidth()).isEqualTo(CanvasPainter.EXPORT_SIDE).isEqualTo(280);
    assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(image.getRGB(140, 140) & 0xFFFFFF).isZero();
  }

  @Test
  void laterStrokesPaintOverEarlierOnesAndStrokesOffTheCanvasAreClipped() {
    Drawing drawing =
        new Drawing(
            List.of(
                new Stroke(new double[] {-100, 500}, new double[] {140, 140}, 10),
                new Stroke(new double[] {140}, new double[] {-300}, 10)));

    BufferedImage image = CanvasPainter.paintAsExported(drawing);

    assertThat(grey(image, 0, 140)).isZero();
    assertThat(grey(image, 279, 140)).isZero();
    assertThat(grey(image, 140, 0)).isEqualTo(255);
  }

  /**
   * Paints {@code stroke} and checks every pixel near or far from {@code curve}: ink within the
   * pen's half width, paper beyond it.
   */
  private static BufferedImage assertInkFollows(Stroke stroke, List<double[]> curve) {
    BufferedImage image = CanvasPainter.paintAsExported(new Drawing(List.of(stroke)));
    double half = stroke.width() / 2;
    int checked = 0;
    Rectangle2D near = new Drawing(List.of(stroke)).centreLineBounds();
    double margin = half + EDGE + 1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        boolean far =
            x + 0.5 < near.getMinX() - margin
                || x + 0.5 > near.getMaxX() + margin
                || y + 0.5 < near.getMinY() - margin
                || y + 0.5 > near.getMaxY() + margin;
        double distance = far ? Double.POSITIVE_INFINITY : distance(curve, x + 0.5, y + 0.5);
        if (distance < half - EDGE) {
          assertThat(grey(image, x, y)).as("(%d, %d) on the curve", x, y).isLessThanOrEqualTo(8);
          checked++;
        } else if (distance > half + EDGE) {
          assertThat(grey(image, x, y)).as("(%d, %d) off the curve", x, y).isEqualTo(255);
        }
      }
    }
    assertThat(checked).isPositive();
    return image;
  }

  /** The curve canvas.js's drawStrokes draws, as a fine polyline. */
  private static List<double[]> canvasCurve(Stroke stroke) {
    List<double[]> curve = new ArrayList<>();
    int n = stroke.size();
    double x = stroke.x(0);
    double y = stroke.y(0);
    curve.add(new double[] {x, y});
    for (int i = 1; i < n - 1; i++) {
      double cx = stroke.x(i);
      double cy = stroke.y(i);
      double ex = (stroke.x(i) + stroke.x(i + 1)) / 2;
      double ey = (stroke.y(i) + stroke.y(i + 1)) / 2;
      for (int k = 1; k <= 100; k++) {
        double t = k / 100.0;
        double a = (1 - t) * (1 - t);
        double b = 2 * (1 - t) * t;
        double c = t * t;
        curve.add(new double[] {a * x + b * cx + c * ex, a * y + b * cy + c * ey});
      }
      x = ex;
      y = ey;
    }
    curve.add(new double[] {stroke.x(n - 1), stroke.y(n - 1)});
    return curve;
  }

  /** Distance from (px, py) to the polyline. */
  private static double distance(List<double[]> polyline, double px, double py) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i < polyline.size(); i++) {
      double[] a = polyline.get(i - 1);
      double[] b = polyline.get(i);
      double dx = b[0] - a[0];
      double dy = b[1] - a[1];
      double lengthSquared = dx * dx + dy * dy;
      double t =
          lengthSquared == 0
              ? 0
              : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / lengthSquared));
      best = Math.min(best, Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy));
    }
    return best;
  }

  private static int grey(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xFF;
  }

  /** Ink in pixels: each pixel counts by how dark it is. */
  private static double inkArea(BufferedImage image) {
    double area = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        area += (255 - grey(image, x, y)) / 255.0;
      }
    }
    return area;
  }
}
