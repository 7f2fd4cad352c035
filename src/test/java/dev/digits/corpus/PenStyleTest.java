package dev.digits.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import dev.digits.drawing.CanvasPainter;
import dev.digits.drawing.Drawing;
import dev.digits.drawing.Stroke;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PenStyleTest {
  private static final double SIDE = CanvasPainter.EXPORT_SIDE;

  private static List<PenDigit> penDigits;

  @BeforeAll
  static void digits() throws IOException {
    penDigits = PenDigits.bundled().digits().subList(0, 400);
  }

  @Test
  void theInkWithItsPenLiesOnTheCanvasAtTheSizeDrawn() {
    SplittableRandom sizes = new SplittableRandom(3);
    for (int i = 0; i < penDigits.size(); i++) {
      int size = sizes.nextInt(PenStyle.PAGE.minSize(), PenStyle.PAGE.maxSize() + 1);
      double pen = PenStyle.PAGE.minPen() + sizes.nextDouble() * 10;
      List<double[][]> paths = PenDigitDrawings.paths(penDigits.get(i));

      Drawing drawing = PenStyle.PAGE.placeAt(paths, size, pen, new SplittableRandom(i));

      Rectangle2D ink = inkBox(drawing);
      assertThat(Math.max(ink.getWidth(), ink.getHeight()))
          .as("digit %d", i)
          .isCloseTo(size, within(1e-6));
      assertOnCanvas(ink, "digit " + i);
      assertThat(drawing.strokes()).allSatisfy(s -> assertThat(s.width()).isEqualTo(pen));
    }
  }

  @Test
  void placeDrawsSizeAndPenWithinTheStylesLimits() {
    PenStyle style = PenStyle.PAGE;
    for (int i = 0; i < penDigits.size(); i++) {
      Drawing drawing =
          PenDigitDrawings.draw(penDigits.get(i), style, new SplittableRandom(1000 + i));

      Rectangle2D ink = inkBox(drawing);
      double size = Math.max(ink.getWidth(), ink.getHeight());
      double pen = drawing.widestPen();
      assertThat(size).as("digit %d", i).isBetween(style.minSize() - 1e-6, style.maxSize() + 1e-6);
      assertThat(pen).isBetween(style.minPen(), style.maxPen());
      assertThat(pen)
          .as("pen of a %s px digit", size)
          .isLessThanOrEqualTo(Math.max(style.minPen(), style.maxPenShare() * size) + 1e-6);
      assertOnCanvas(ink, "digit " + i);
    }
  }

  @Test
  void thePenIsWithinItsLimitsForEverySize() {
    PenStyle style = new PenStyle(10, 280, 4, 30, 0.25, 0, 0, 0, 0);
    SplittableRandom random = new SplittableRandom(5);
    for (int size = 10; size <= 280; size += 5) {
      for (int k = 0; k < 50; k++) {
        double pen = style.pen(size, random);

        assertThat(pen).isBetween(4.0, 30.0);
        assertThat(pen).isLessThanOrEqualTo(Math.max(4, 0.25 * size));
      }
    }
  }

  @Test
  void aFixedStyleOnlyScalesAndMovesTheShape() {
    PenStyle fixed = new PenStyle(100, 100, 10, 10, 0.4, 0, 0, 0, 0);
    // An L, twice as tall as wide.
    List<double[][]> paths = List.<double[][]>of(new double[][] {{0, 0, 50}, {0, 100, 100}});

    Drawing drawing = fixed.place(paths, new SplittableRandom(9));

    Stroke stroke = drawing.strokes().get(0);
    double scale = (100 - 10) / 100.0;
    assertThat(stroke.x(1) - stroke.x(0)).isCloseTo(0, within(1e-9));
    assertThat(stroke.y(1) - stroke.y(0)).isCloseTo(100 * scale, within(1e-9));
    assertThat(stroke.x(2) - stroke.x(1)).isCloseTo(50 * scale, within(1e-9));
    assertThat(stroke.y(2) - stroke.y(1)).isCloseTo(0, within(1e-9));
    assertThat(stroke.width()).isEqualTo(10);
  }

  @Test
  void theSameGeneratorGivesTheSameDrawing() {
    List<double[][]> paths = PenDigitDrawings.paths(penDigits.get(0));

    Drawing once = PenStyle.PAGE.place(paths, new SplittableRandom(42));
    Drawing again = PenStyle.PAGE.place(paths, new SplittableRandom(42));

    assertThat(again).isEqualTo(once);
    assertThat(PenStyle.PAGE.place(paths, new SplittableRandom(43))).isNotEqualTo(once);
  }

  @Test
  void aSinglePointBecomesADotOfThePenOnTheCanvas() {
    List<double[][]> dot = List.<double[][]>of(new double[][] {{3}, {4}});

    Drawing drawing = PenStyle.PAGE.placeAt(dot, 30, 30, new SplittableRandom(1));

    assertThat(drawing.strokes()).singleElement().satisfies(s -> assertThat(s.size()).isOne());
    assertOnCanvas(inkBox(drawing), "the dot");
  }

  @Test
  void refusesSizesOffTheCanvasAndPensOutOfOrder() {
    assertThatThrownBy(() -> new PenStyle(3, 100, 3, 10, 0.4, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenStyle(10, 281, 3, 10, 0.4, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenStyle(100, 50, 3, 10, 0.4, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenStyle(10, 100, 0, 10, 0.4, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenStyle(10, 100, 12, 10, 0.4, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenStyle(10, 100, 3, 10, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withSizesKeepsEverythingElse() {
    PenStyle small = PenStyle.PAGE.withSizes(20, 40);

    assertThat(small)
        .isEqualTo(new PenStyle(20, 40, 3, 39, 0.4, 15, 10, 0.15, 0.03))
        .usingRecursiveComparison()
        .ignoringFields("minSize", "maxSize")
        .isEqualTo(PenStyle.PAGE);
  }

  /** The box the ink can cover: the points' box grown by half the widest pen on every side. */
  static Rectangle2D inkBox(Drawing drawing) {
    Rectangle2D points = drawing.centreLineBounds();
    double half = drawing.widestPen() / 2;
    return new Rectangle2D.Double(
        points.getMinX() - half,
        points.getMinY() - half,
        points.getWidth() + 2 * half,
        points.getHeight() + 2 * half);
  }

  static void assertOnCanvas(Rectangle2D ink, String what) {
    assertThat(ink.getMinX()).as("left of %s", what).isGreaterThanOrEqualTo(-1e-6);
    assertThat(ink.getMinY()).as("top of %s", what).isGreaterThanOrEqualTo(-1e-6);
    assertThat(ink.getMaxX()).as("right of %s", what).isLessThanOrEqualTo(SIDE + 1e-6);
    assertThat(ink.getMaxY()).as("bottom of %s", what).isLessThanOrEqualTo(SIDE + 1e-6);
  }
}
