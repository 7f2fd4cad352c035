package dev.digits.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.AffineTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrokeTest {
  @Test
  void needsAsManyXAsYAndAtLeastOnePoint() {
    assertThatThrownBy(() -> new Stroke(new double[] {1, 2}, new double[] {1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2, 1");
    assertThatThrownBy(() -> new Stroke(new double[0], new double[0], 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void needsAPenOfPositiveFiniteWidth(double width) {
    assertThatThrownBy(() -> new Stroke(new double[] {1}, new double[] {1}, width))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width");
  }

  @Test
  void cannotBeChangedThroughItsArrays() {
    double[] xs = {1, 2};
    double[] ys = {3, 4};
    Stroke stroke = new Stroke(xs, ys, 5);
    xs[0] = 100;
    stroke.x()[1] = 100;
    stroke.y()[0] = 100;

    assertThat(stroke.x()).containsExactly(1, 2);
    assertThat(stroke.y()).containsExactly(3, 4);
  }

  @Test
  void transformedMapsEveryPointAndKeepsThePen() {
    Stroke stroke = new Stroke(new double[] {0, 10}, new double[] {0, 5}, 7);
    AffineTransform transform = AffineTransform.getTranslateInstance(100, 50);
    transform.scale(2, 3);

    Stroke moved = stroke.transformed(transform);

    assertThat(moved.x()).containsExactly(100, 120);
    assertThat(moved.y()).containsExactly(50, 65);
    assertThat(moved.width()).isEqualTo(7);
    assertThat(stroke.x()).as("the original stays").containsExactly(0, 10);
  }

  @Test
  void withWidthChangesOnlyThePen() {
    Stroke stroke = new Stroke(new double[] {1, 2}, new double[] {3, 4}, 5);

    assertThat(stroke.withWidth(9))
        .isEqualTo(new Stroke(new double[] {1, 2}, new double[] {3, 4}, 9));
  }

  @Test
  void lengthIsThatOfThePolylineThroughThePoints() {
    Stroke stroke = new Stroke(new double[] {0, 3, 3}, new double[] {0, 4, 10}, 1);

    assertThat(stroke.length()).isCloseTo(11, within(1e-12));
    assertThat(new Stroke(new double[] {5}, new double[] {5}, 1).length()).isZero();
  }

  @Test
  void equalStrokesHaveEqualPointsAndPen() {
    Stroke a = new Stroke(new double[] {1, 2}, new double[] {3, 4}, 5);
    Stroke same = new Stroke(new double[] {1, 2}, new double[] {3, 4}, 5);

    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(new Stroke(new double[] {1, 2}, new double[] {3, 4.5}, 5));
    assertThat(a).isNotEqualTo(a.withWidth(6));
    assertThat(a).hasToString("Stroke[2 points, width 5.0]");
  }
}
