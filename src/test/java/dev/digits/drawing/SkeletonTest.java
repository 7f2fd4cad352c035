package dev.digits.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkeletonTest {
  private static final int SIDE = 40;

  @Test
  void thinningAThickBarLeavesAOnePixelLineAlongItsMiddle() {
    boolean[] on = new boolean[SIDE * SIDE];
    fill(on, 5, 15, 34, 23); // 30 × 9 pixels, middle row 19

    Skeleton.thin(on, SIDE, SIDE);

    Set<Integer> columns = new HashSet<>();
    for (int i = 0; i < on.length; i++) {
      if (on[i]) {
        int x = i % SIDE;
        int y = i / SIDE;
        assertThat(y).as("row of (%d, %d)", x, y).isBetween(18, 20);
        assertThat(columns.add(x)).as("column %d holds one pixel", x).isTrue();
      }
    }
    assertThat(columns).as("the line keeps most of the bar's length").hasSizeGreaterThan(20);
    assertThat(lines(on)).as("one connected line").hasSize(1);
    assertNoTwoByTwoBlock(on);
  }

  @Test
  void thinningLeavesAOnePixelLineUntouched() {
    boolean[] on = new boolean[SIDE * SIDE];
    fill(on, 5, 20, 30, 20);
    boolean[] before = on.clone();

    Skeleton.thin(on, SIDE, SIDE);

    assertThat(on).isEqualTo(before);
  }

  @Test
  void thinningNeverPeelsTheImagesEdge() {
    boolean[] on = new boolean[SIDE * SIDE];
    fill(on, 0, 0, SIDE - 1, 6);

    Skeleton.thin(on, SIDE, SIDE);

    for (int x = 0; x < SIDE; x++) {
      assertThat(on[x]).as("top edge pixel %d", x).isTrue();
    }
  }

  @Test
  void tracingAnLGivesOneLineFromEndToEndThroughTheCorner() {
    boolean[] on = new boolean[SIDE * SIDE];
    fill(on, 5, 5, 5, 20);
    fill(on, 5, 20, 20, 20);

    List<double[][]> lines = Skeleton.trace(on, SIDE, SIDE);

    assertThat(lines).hasSize(1);
    double[][] line = lines.get(0);
    assertThat(line[0]).hasSize(31);
    assertThat(point(line, 0)).containsExactly(5, 5);
    assertThat(point(line, 15)).containsExactly(5, 20);
    assertThat(point(line, 30)).containsExactly(20, 20);
    assertCoversExactly(lines, on);
    assertSteps(lines);
  }

  @Test
  void tracingATGivesThreeLinesMeetingAtTheJunction() {
    boolean[] on = new boolean[SIDE * SIDE];
    fill(on, 5, 5, 25, 5);
    fill(on, 15, 6, 15, 20);

    List<double[][]> lines = Skeleton.trace(on, SIDE, SIDE);

    assertThat(lines).hasSize(3);
    Set<List<Double>> ends = new HashSet<>();
    for (double[][] line : lines) {
      List<Double> first = List.of(line[0][0], line[1][0]);
      List<Double> last = List.of(line[0][line[0].length - 1], line[1][line[0].length - 1]);
      assertThat(List.of(first, last))
          .as("each line has the junction at one end")
          .contains(List.of(15.0, 5.0));
      ends.add(first);
      ends.add(last);
    }
    assertThat(ends)
        .containsExactlyInAnyOrder(
            List.of(15.0, 5.0), List.of(5.0, 5.0), List.of(25.0, 5.0), List.of(15.0, 20.0));
    assertThat(lines).extracting(line -> line[0].length).containsExactlyInAnyOrder(11, 11, 16);
    assertCoversExactly(lines, on);
    assertSteps(lines);
  }

  @Test
  void tracingARingGivesOneLineThatReturnsToItsStart() {
    boolean[] on = new boolean[SIDE * SIDE];
    // The outline of a square, 10 × 10 pixels: 36 pixels, every one with two neighbours.
    fill(on, 10, 10, 19, 10);
    fill(on, 10, 19, 19, 19);
    fill(on, 10, 10, 10, 19);
    fill(on, 19, 10, 19, 19);

    List<double[][]> lines = Skeleton.trace(on, SIDE, SIDE);

    assertThat(lines).hasSize(1);
    double[][] ring = lines.get(0);
    assertThat(ring[0]).hasSize(37);
    assertThat(point(ring, 36)).containsExactly(point(ring, 0));
    assertCoversExactly(lines, on);
    assertSteps(lines);
  }

  @Test
  void tracingALonePixelGivesALineOfOnePoint() {
    boolean[] on = new boolean[SIDE * SIDE];
    on[7 * SIDE + 3] = true;

    List<double[][]> lines = Skeleton.trace(on, SIDE, SIDE);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)[0]).containsExactly(3);
    assertThat(lines.get(0)[1]).containsExactly(7);
  }

  @Test
  void tracingSeveralShapesGivesTheLinesOfEach() {
    boolean[] on = new boolean[SIDE * SIDE];
    on[2 * SIDE + 2] = true;
    fill(on, 10, 30, 30, 30);
    fill(on, 30, 2, 30, 12);

    List<double[][]> lines = Skeleton.trace(on, SIDE, SIDE);

    assertThat(lines).hasSize(3);
    assertCoversExactly(lines, on);
    assertSteps(lines);
  }

  @Test
  void theCentreLinesOfAThickRingAreClosedAndCoverItsSkeleton() {
    boolean[] mask = new boolean[SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        double r = Math.hypot(x - 20, y - 20);
        mask[y * SIDE + x] = r >= 9 && r <= 14;
      }
    }
    boolean[] skeleton = mask.clone();
    Skeleton.thin(skeleton, SIDE, SIDE);

    List<double[][]> lines = Skeleton.centreLines(mask, SIDE, SIDE, 1);

    assertCoversExactly(lines, skeleton);
    assertSteps(lines);
    for (double[][] line : lines) {
      // A loop without a junction returns to its start; lines of a loop with a spur end on it.
      int last = line[0].length - 1;
      assertThat(Math.hypot(line[0][last] - 20, line[1][last] - 20)).isBetween(9.0, 14.0);
    }
  }

  @Test
  void centreLinesKeepEveryStepthPointAndBothEnds() {
    boolean[] mask = new boolean[SIDE * SIDE];
    fill(mask, 5, 5, 5, 30); // already one pixel wide: 26 points
    boolean[] before = mask.clone();

    List<double[][]> everyPoint = Skeleton.centreLines(mask, SIDE, SIDE, 1);
    List<double[][]> everyThird = Skeleton.centreLines(mask, SIDE, SIDE, 3);
    List<double[][]> everyFifth = Skeleton.centreLines(mask, SIDE, SIDE, 5);

    assertThat(mask).as("the mask is not thinned in place").isEqualTo(before);
    assertThat(everyPoint).hasSize(1);
    assertThat(everyPoint.get(0)[1]).hasSize(26);
    // 26 points: every third is 0, 3, …, 24, then the end, 25.
    assertThat(everyThird.get(0)[1]).containsExactly(5, 8, 11, 14, 17, 20, 23, 26, 29, 30);
    // Every fifth lands on the end itself: 0, 5, …, 25.
    assertThat(everyFifth.get(0)[1]).containsExactly(5, 10, 15, 20, 25, 30);
    assertThat(everyThird.get(0)[0]).containsOnly(5);
  }

  @Test
  void centreLinesOfAThickLetterEndWhereItsSkeletonEnds() {
    boolean[] mask = new boolean[SIDE * SIDE];
    fill(mask, 6, 4, 11, 33); // an L, 6 pixels thick
    fill(mask, 6, 28, 33, 33);
    boolean[] skeleton = mask.clone();
    Skeleton.thin(skeleton, SIDE, SIDE);
    List<double[][]> full = Skeleton.trace(skeleton, SIDE, SIDE);

    List<double[][]> sparse = Skeleton.centreLines(mask, SIDE, SIDE, 4);

    assertThat(sparse).hasSameSizeAs(full);
    for (int k = 0; k < full.size(); k++) {
      double[][] line = full.get(k);
      double[][] kept = sparse.get(k);
      int n = line[0].length;
      assertThat(point(kept, 0)).containsExactly(point(line, 0));
      assertThat(point(kept, kept[0].length - 1)).containsExactly(point(line, n - 1));
      assertThat(kept[0].length).isLessThanOrEqualTo(Math.max(2, (n + 3) / 4 + 1));
    }
  }

  private static void fill(boolean[] on, int x0, int y0, int x1, int y1) {
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        on[y * SIDE + x] = true;
      }
    }
  }

  private static double[] point(double[][] line, int i) {
    return new double[] {line[0][i], line[1][i]};
  }

  private static List<double[][]> lines(boolean[] on) {
    return Skeleton.trace(on, SIDE, SIDE);
  }

  /** The lines pass through every on-pixel, and through no other. */
  private static void assertCoversExactly(List<double[][]> lines, boolean[] on) {
    Set<Integer> traced = new HashSet<>();
    for (double[][] line : lines) {
      for (int i = 0; i < line[0].length; i++) {
        traced.add((int) line[1][i] * SIDE + (int) line[0][i]);
      }
    }
    Set<Integer> pixels = new HashSet<>();
    for (int i = 0; i < on.length; i++) {
      if (on[i]) {
        pixels.add(i);
      }
    }
    assertThat(traced).isEqualTo(pixels);
  }

  /** Each step of a line goes to one of the 8 neighbours: a pen could follow it. */
  private static void assertSteps(List<double[][]> lines) {
    for (double[][] line : lines) {
      for (int i = 1; i < line[0].length; i++) {
        double dx = Math.abs(line[0][i] - line[0][i - 1]);
        double dy = Math.abs(line[1][i] - line[1][i - 1]);
        assertThat(Math.max(dx, dy)).as("step %d of a line", i).isEqualTo(1);
      }
    }
  }

  private static void assertNoTwoByTwoBlock(boolean[] on) {
    List<String> blocks = new ArrayList<>();
    for (int y = 0; y + 1 < SIDE; y++) {
      for (int x = 0; x + 1 < SIDE; x++) {
        if (on[y * SIDE + x]
            && on[y * SIDE + x + 1]
            && on[(y + 1) * SIDE + x]
            && on[(y + 1) * SIDE + x + 1]) {
          blocks.add(x + "," + y);
        }
      }
    }
    assertThat(blocks).isEmpty();
  }
}
