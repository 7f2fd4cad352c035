package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InkRegionFinderTest {

  @Test
  void profilesCountEveryPixelThatReachesTheBoxLevelBesideANeighbourThatDoes() {
    Random random = new Random(17);
    for (int trial = 0; trial < 2_000; trial++) {
      int width = 1 + random.nextInt(40);
      int height = 1 + random.nextInt(12);
      byte[] ink = strokesAndSpecks(width, height, random);
      int left = random.nextInt(width + 1);
      int right = left + random.nextInt(width - left + 1);
      int top = random.nextInt(height + 1);
      int bottom = top + random.nextInt(height - top + 1);
      long[] rows = new long[height];
      long[] columns = new long[width];

      InkRegionFinder.accumulateProfiles(
          ink, width, height, left, top, right, bottom, rows, columns);

      long[] expectedRows = new long[height];
      long[] expectedColumns = new long[width];
      for (int y = top; y < bottom; y++) {
        for (int x = left; x < right; x++) {
          if (counts(ink, width, height, x, y)) {
            int value = ink[y * width + x] & 0xFF;
            expectedRows[y] += value;
            expectedColumns[x] += value;
          }
        }
      }
      assertThat(rows).as("rows, trial %d", trial).containsExactly(expectedRows);
      assertThat(columns).as("columns, trial %d", trial).containsExactly(expectedColumns);
    }
  }

  /** The rule, pixel by pixel: at or above the box level, and so is a 4-neighbour. */
  private static boolean counts(byte[] ink, int width, int height, int x, int y) {
    return reaches(ink, width, height, x, y)
        && (reaches(ink, width, height, x - 1, y)
            || reaches(ink, width, height, x + 1, y)
            || reaches(ink, width, height, x, y - 1)
            || reaches(ink, width, height, x, y + 1));
  }

  private static boolean reaches(byte[] ink, int width, int height, int x, int y) {
    return x >= 0
        && y >= 0
        && x < width
        && y < height
        && (ink[y * width + x] & 0xFF) >= InkRegionFinder.BOX_LEVEL;
  }

  /**
   * Runs of ink of every length, on paper or faint ink, with lone specks and values on both sides
   * of the box level: runs of eight or more inked pixels take the word-at-a-time path, shorter ones
   * and their edges the pixel-by-pixel one.
   */
  private static byte[] strokesAndSpecks(int width, int height, Random random) {
    byte[] ink = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; ) {
        int run = 1 + random.nextInt(20);
        int kind = random.nextInt(4);
        for (int end = Math.min(width, x + run); x < end; x++) {
          int value =
              switch (kind) {
                case 0 -> 0;
                case 1 -> random.nextInt(InkRegionFinder.BOX_LEVEL);
                case 2 ->
                    InkRegionFinder.BOX_LEVEL + random.nextInt(256 - InkRegionFinder.BOX_LEVEL);
                default -> InkRegionFinder.BOX_LEVEL - 2 + random.nextInt(4);
              };
          ink[y * width + x] = (byte) value;
        }
      }
    }
    return ink;
  }
}
