package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelHistogramTest {

  /** An image that is {@code background} outside {@code box} and random inside it. */
  private static byte[] imageWithContent(int width, int height, ContentBox box, Random random) {
    byte[] values = new byte[width * height];
    byte background = (byte) 250;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean inside = x >= box.left() && x < box.right() && y >= box.top() && y < box.bottom();
        values[y * width + x] = inside ? (byte) random.nextInt(256) : background;
      }
    }
    // The box's definition: outside it, every pixel equals the first pixel.
    if (box.left() == 0 && box.top() == 0 && !box.isEmpty()) {
      byte first = values[0];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          boolean inside = x >= box.left() && x < box.right() && y >= box.top() && y < box.bottom();
          if (!inside) {
            values[y * width + x] = first;
          }
        }
      }
    }
    return values;
  }

  private static void assertSameCounts(LevelHistogram actual, LevelHistogram expected) {
    assertThat(actual.total()).isEqualTo(expected.total());
    for (int level = 0; level < 256; level++) {
      assertThat(actual.count(level)).as("level %d", level).isEqualTo(expected.count(level));
    }
  }

  @Test
  void borderCountedFromTheContentBoxEqualsCountingEveryPixel() {
    Random random = new Random(3);
    int width = 61;
    int height = 47;
    ContentBox[] boxes = {
      new ContentBox(20, 15, 40, 30), // clear of the ring
      new ContentBox(0, 0, 61, 47), // the whole image
      new ContentBox(0, 10, 30, 47), // touching the left and bottom edges
      new ContentBox(55, 0, 61, 5), // inside the ring only
      new ContentBox(3, 2, 58, 45), // across the ring on every side
      new ContentBox(0, 0, 0, 0) // empty: one value everywhere
    };
    for (ContentBox box : boxes) {
      for (int ring : new int[] {1, 4, 31}) {
        byte[] values = imageWithContent(width, height, box, random);

        LevelHistogram fromBox = LevelHistogram.ofBorder(values, width, height, ring, box);
        LevelHistogram everyPixel =
            LevelHistogram.ofBorder(values, width, height, ring, ContentBox.all(width, height));

        assertSameCounts(fromBox, everyPixel);
      }
    }
  }

  @Test
  void borderOfAnImageCountsExactlyTheRing() {
    int width = 40;
    int height = 30;
    byte[] values = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean ring = x < 3 || y < 3 || x >= width - 3 || y >= height - 3;
        values[y * width + x] = (byte) (ring ? 10 : 200);
      }
    }

    LevelHistogram border =
        LevelHistogram.ofBorder(values, width, height, 3, ContentBox.all(width, height));

    assertThat(border.count(10)).isEqualTo(width * height - (width - 6) * (height - 6));
    assertThat(border.count(200)).isZero();
  }

  @Test
  void imageCountedFromTheContentBoxEqualsCountingEveryPixel() {
    Random random = new Random(8);
    int width = 53;
    int height = 37;
    ContentBox box = new ContentBox(7, 5, 44, 29);
    byte[] values = imageWithContent(width, height, box, random);

    assertSameCounts(
        LevelHistogram.ofImage(values, width, height, box),
        LevelHistogram.ofImage(values, width, height, ContentBox.all(width, height)));
  }
}
