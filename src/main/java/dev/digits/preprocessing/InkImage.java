package dev.digits.preprocessing;

/**
 * Ink intensity per pixel, 0 (background) to 255 (full ink), whatever the source's colours were.
 *
 * @param ink row-major, {@code width * height} bytes read as unsigned
 * @param content outside this box every pixel holds the first pixel's ink
 */
record InkImage(
    int width, int height, byte[] ink, Diagnostics.Polarity polarity, ContentBox content) {

  int at(int x, int y) {
    return ink[y * width + x] & 0xFF;
  }
}
