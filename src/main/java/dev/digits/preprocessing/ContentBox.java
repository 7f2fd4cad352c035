package dev.digits.preprocessing;

import java.util.Arrays;

/**
 * The rectangle of an image outside which every pixel equals the image's first pixel, columns
 * {@code left} to {@code right - 1}, rows {@code top} to {@code bottom - 1}; empty when the whole
 * image is that one value.
 *
 * <p>Why: a canvas export is mostly untouched background, a quarter or less of it ink. Decoding
 * notes where the background ends, and the stages after it work on this box and fill the rest with
 * the background's value, which is exact because each of them maps every pixel alike. Stages that
 * cannot know the box use {@link #all}.
 */
record ContentBox(int left, int top, int right, int bottom) {

  /** The whole image: nothing is known to be background. */
  static ContentBox all(int width, int height) {
    return new ContentBox(0, 0, width, height);
  }

  boolean isEmpty() {
    return right <= left || bottom <= top;
  }

  long area() {
    return isEmpty() ? 0 : (long) (right - left) * (bottom - top);
  }

  /** Sets every pixel outside the box to {@code value}. */
  void fillOutside(byte[] pixels, int width, int height, byte value) {
    if (isEmpty()) {
      Arrays.fill(pixels, 0, width * height, value);
      return;
    }
    Arrays.fill(pixels, 0, top * width, value);
    for (int y = top; y < bottom; y++) {
      int row = y * width;
      EightBytes.fill(pixels, row, row + left, value);
      EightBytes.fill(pixels, row + right, row + width, value);
    }
    Arrays.fill(pixels, bottom * width, height * width, value);
  }
}
