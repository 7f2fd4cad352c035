package dev.digits.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawingTest {
  private static final Stroke LINE = new Stroke(new double[] {10, 30}, new double[] {40, 20}, 4);
  private static final Stroke DOT = new Stroke(new double[] {-5}, new double[] {60}, 12);

  @Test
  void needsAStroke() {
    assertThatThrownBy(() -> new Drawing(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsItsOwnListOfStrokes() {
    List<Stroke> strokes = new ArrayList<>(List.of(LINE));
    Drawing drawing = new Drawing(strokes);
    strokes.add(DOT);

    assertThat(drawing.strokes()).containsExactly(LINE);
    assertThatThrownBy(() -> drawing.strokes().add(DOT))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void centreLineBoundsSpanThePointsWithoutThePen() {
    Rectangle2D bounds = new Drawing(List.of(LINE, DOT)).centreLineBounds();

    assertThat(bounds).isEqualTo(new Rectangle2D.Double(-5, 20, 35, 40));
    assertThat(new Drawing(List.of(DOT)).centreLineBounds())
        .isEqualTo(new Rectangle2D.Double(-5, 60, 0, 0));
  }

  @Test
  void widestPenIsTheThickestStrokes() {
    assertThat(new Drawing(List.of(LINE, DOT)).widestPen()).isEqualTo(12);
    assertThat(new Drawing(List.of(LINE)).widestPen()).isEqualTo(4);
  }

  @Test
  void transformedMovesEveryStrokeAndKeepsTheirPens() {
    Drawing drawing = new Drawing(List.of(LINE, DOT));

    Drawing moved = drawing.transformed(AffineTransform.getTranslateInstance(5, -20));

    assertThat(moved.strokes())
        .containsExactly(
            new Stroke(new double[] {15, 35}, new double[] {20, 0}, 4),
            new Stroke(new double[] {0}, new double[] {40}, 12));
    assertThat(moved.centreLineBounds()).isEqualTo(new Rectangle2D.Double(0, 0, 35, 40));
    assertThat(drawing.strokes()).containsExactly(LINE, DOT);
  }

  @Test
  void mapReplacesEachStrokeInOrder() {
    Drawing thick = new Drawing(List.of(LINE, DOT)).map(stroke -> stroke.withWidth(20));

    assertThat(thick.strokes()).containsExactly(LINE.withWidth(20), DOT.withWidth(20));
  }

  @Test
  void plusAppendsTheOtherDrawingsStrokes() {
    Drawing both = new Drawing(List.of(LINE)).plus(new Drawing(List.of(DOT, LINE)));

    assertThat(both.strokes()).containsExactly(LINE, DOT, LINE);
  }
}
