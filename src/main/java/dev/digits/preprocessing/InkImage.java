package dev.digits.preprocessing;

/**
 * Ink intensity per pixel, 0 (background) to 255 (full ink), whatever the source's colours were.
 *
 * @param ink row-major, {@code width * height} bytes read as unsigned
 */
record InkImage(int width, int height, byte[] ink, Diagnostics.Polarity polarity) {

  int at(int x, int y) {
    return ink[y * width + x] & 0xFF;
  }
}
