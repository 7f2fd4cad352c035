package dev.digits.preprocessing;

/**
 * A rectangle of ink to be scaled: {@code width × height} pixels at ({@code x}, {@code y}) of a
 * row-major byte array {@code stride} pixels wide.
 */
record InkPatch(byte[] ink, int stride, int x, int y, int width, int height) {

  /**
   * The patch of {@code ink} ({@code stride × rows} pixels) that just holds every pixel at or above
   * the box level, after a stroke-width change has grown or shrunk the ink.
   */
  static InkPatch aroundInk(byte[] ink, int stride, int rows) {
    int left = stride;
    int top = rows;
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < stride; x++) {
        if ((ink[y * stride + x] & 0xFF) >= InkRegionFinder.BOX_LEVEL) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    return new InkPatch(ink, stride, left, top, right - left + 1, bottom - top + 1);
  }
}
