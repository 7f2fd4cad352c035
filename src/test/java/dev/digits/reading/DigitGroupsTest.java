package dev.digits.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How pieces of ink are grouped into digits, on pieces given by their boxes and ink. */
class DigitGroupsTest {
  private static InkComponents.Component piece(int label, int x, int y, int width, int height) {
    return new InkComponents.Component(
        label, new PixelBox(x, y, width, height), Math.max(1, width * height / 4));
  }

  @Test
  void piecesSideBySideStayApartLeftToRight() {
    List<Cluster> clusters =
        DigitGroups.of(List.of(piece(0, 200, 10, 50, 80), piece(1, 10, 30, 50, 80)));

    assertThat(clusters).extracting(cluster -> cluster.box().x()).containsExactly(10, 200);
  }

  @Test
  void aFlagAboveItsDigitJoinsIt() {
    // A 5's body and, apart from it above, its flag over the same columns.
    List<Cluster> clusters =
        DigitGroups.of(
            List.of(piece(0, 10, 30, 50, 60), piece(1, 30, 5, 40, 8), piece(2, 120, 5, 40, 85)));

    assertThat(clusters).hasSize(2);
    assertThat(clusters.get(0).labels().stream().toArray()).containsExactly(0, 1);
  }

  @Test
  void aSmallFragmentJoinsTheNearestDigitOnly() {
    // A stroke broken off just right of the first digit, far from the second.
    List<Cluster> clusters =
        DigitGroups.of(
            List.of(piece(0, 10, 10, 50, 80), piece(1, 63, 15, 12, 10), piece(2, 100, 10, 50, 80)));

    assertThat(clusters).hasSize(2);
    assertThat(clusters.get(0).labels().stream().toArray()).containsExactly(0, 1);
    assertThat(clusters.get(1).labels().stream().toArray()).containsExactly(2);
  }

  @Test
  void specksGo() {
    List<Cluster> clusters =
        DigitGroups.of(List.of(piece(0, 10, 10, 60, 80), piece(1, 200, 50, 1, 1)));

    assertThat(clusters).hasSize(1);
  }

  @Test
  void digitsUnderADriftingBaselineStayInOrder() {
    // Each digit lower than the last, the last entirely below the first.
    List<Cluster> clusters =
        DigitGroups.of(
            List.of(piece(2, 130, 100, 50, 80), piece(0, 10, 0, 50, 80), piece(1, 70, 50, 50, 80)));

    assertThat(clusters)
        .extracting(cluster -> cluster.labels().nextSetBit(0))
        .containsExactly(0, 1, 2);
  }
}
