package dev.digits.preprocessing.png;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the canvas path: the content box found while decoding RGBA, the planes filled
 * with the background at once, and the buffer of inflated rows that a thread reuses from image to
 * image.
 */
class CanvasFastPathTest {

  /** RGBA rows of {@code background} with a {@code ink}-coloured rectangle. */
  private static byte[][] canvas(
      int width,
      int height,
      int[] background,
      int[] ink,
      int left,
      int top,
      int right,
      int bottom) {
    byte[][] rows = new byte[height][4 * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int[] pixel = x >= left && x < right && y >= top && y < bottom ? ink : background;
        for (int c = 0; c < 4; c++) {
          rows[y][4 * x + c] = (byte) pixel[c];
        }
      }
    }
    return rows;
  }

  private static byte[] rgbaPng(byte[][] rows, int width, int height) {
    return PngCrafter.png(width, height, 8, 6, rows, new int[] {0, 1, 2, 3, 4}, 1);
  }

  private static LumaPlanes decode(byte[][] rows, int width, int height) throws Exception {
    return PngPixels.decode(PngDecoderTest.parse(rgbaPng(rows, width, height)));
  }

  /** The content box as {left, top, right, bottom}. */
  private static int[] box(LumaPlanes image) {
    return new int[] {image.left(), image.top(), image.right(), image.bottom()};
  }

  /** Decodes on the canvas path, asserting that ImageIO's decoding of the same file agrees. */
  private static LumaPlanes decodeAsImageIoDoes(byte[][] rows, int width, int height)
      throws Exception {
    byte[] png = rgbaPng(rows, width, height);
    LumaPlanes fast = PngPixels.decode(PngDecoderTest.parse(png));
    LumaPlanes reference = ImageIoReference.planes(png);

    assertThat(fast.luma()).isEqualTo(reference.luma());
    assertThat(fast.alpha()).isEqualTo(reference.alpha());
    assertThat(fast.coverage()).isEqualTo(reference.coverage());
    assertThat(fast.coveredLuma()).isEqualTo(reference.coveredLuma());
    return fast;
  }

  @Test
  void transparentCanvasKnowsWhereItsInkIs() throws Exception {
    int[] transparent = {0, 0, 0, 0};
    int[] black = {0, 0, 0, 255};
    LumaPlanes image = decode(canvas(120, 90, transparent, black, 50, 30, 100, 60), 120, 90);

    assertThat(box(image)).containsExactly(50, 30, 100, 60);
    assertThat(image.alpha()).isNotNull();
    assertThat(image.coverage()).isEqualTo(50L * 30 * 255);
    for (int y = 0; y < 90; y++) {
      for (int x = 0; x < 120; x++) {
        boolean inside = x >= 50 && x < 100 && y >= 30 && y < 60;
        assertThat(image.alpha()[y * 120 + x]).isEqualTo((byte) (inside ? 255 : 0));
      }
    }
  }

  @Test
  void opaqueWhiteCanvasFillsItsBackgroundAndDropsAlpha() throws Exception {
    int[] white = {255, 255, 255, 255};
    int[] grey = {100, 100, 100, 255};
    LumaPlanes image = decode(canvas(64, 64, white, grey, 10, 20, 30, 21), 64, 64);

    assertThat(box(image)).containsExactly(10, 20, 30, 21);
    assertThat(image.alpha()).isNull();
    for (int i = 0; i < image.luma().length; i++) {
      boolean inside = i / 64 == 20 && i % 64 >= 10 && i % 64 < 30;
      assertThat(image.luma()[i] & 0xFF).as("pixel %d", i).isEqualTo(inside ? 100 : 255);
    }
  }

  @Test
  void aTranslucentPixelOnAnOpaqueCanvasBringsAlphaBackForEveryPixel() throws Exception {
    int[] white = {255, 255, 255, 255};
    int[] black = {0, 0, 0, 255};
    byte[][] rows = canvas(64, 48, white, black, 10, 5, 50, 40);
    // Rows of opaque pixels are decoded before this one turns up, on a row of its own.
    System.arraycopy(new byte[] {0, 0, 0, (byte) 128}, 0, rows[30], 4 * 55, 4);

    LumaPlanes fast = decodeAsImageIoDoes(rows, 64, 48);

    assertThat(fast.alpha()[30 * 64 + 55] & 0xFF).isEqualTo(128);
  }

  @Test
  void aTranslucentColouredBackgroundDecodesAsImageIoDecodesIt() throws Exception {
    int[] tinted = {200, 40, 90, 128};
    int[] ink = {10, 20, 30, 255};
    byte[][] rows = canvas(70, 50, tinted, ink, 12, 8, 40, 33);
    // Background between strokes too: a gap inside the box.
    for (int x = 20; x < 25; x++) {
      System.arraycopy(new byte[] {(byte) 200, 40, 90, (byte) 128}, 0, rows[15], 4 * x, 4);
    }

    LumaPlanes fast = decodeAsImageIoDoes(rows, 70, 50);

    assertThat(box(fast)).containsExactly(12, 8, 40, 33);
  }

  @Test
  void inkInTheFirstPixelStillBoundsTheRest() throws Exception {
    int[] transparent = {0, 0, 0, 0};
    byte[][] rows = canvas(40, 30, transparent, transparent, 0, 0, 0, 0);
    // Transparent but for the first pixel, which is ink: every other pixel differs from it.
    System.arraycopy(new byte[] {0, 0, 0, (byte) 255}, 0, rows[0], 0, 4);
    LumaPlanes image = decode(rows, 40, 30);

    assertThat(box(image)).containsExactly(0, 0, 40, 30);
  }

  @Test
  void aUniformImageHasAnEmptyBox() throws Exception {
    int[] transparent = {0, 0, 0, 0};
    LumaPlanes image = decode(canvas(16, 16, transparent, transparent, 0, 0, 0, 0), 16, 16);

    assertThat(box(image)).containsExactly(0, 0, 0, 0);
    assertThat(image.coverage()).isZero();
  }

  @Test
  void aSmallImageAfterALargeOneOnTheSameThreadDecodesAsIfAlone() throws Exception {
    int[] transparent = {0, 0, 0, 0};
    int[] red = {255, 0, 0, 255};
    byte[][] small = canvas(30, 20, transparent, red, 5, 5, 25, 15);
    LumaPlanes alone = decode(small, 30, 20);
    decode(canvas(300, 200, red, transparent, 0, 0, 300, 200), 300, 200);

    LumaPlanes afterLarge = decode(small, 30, 20);

    assertThat(afterLarge.luma()).isEqualTo(alone.luma());
    assertThat(afterLarge.alpha()).isEqualTo(alone.alpha());
    assertThat(box(afterLarge)).isEqualTo(box(alone));
  }
}
