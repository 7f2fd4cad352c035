package dev.digits.preprocessing;

/**
 * Where the digit is in an {@link InkImage} and how thick its strokes are.
 *
 * @param bounds the box around the ink, specks excluded
 * @param strokeWidth the estimated stroke width in source pixels
 */
record InkRegion(Diagnostics.InkBounds bounds, double strokeWidth) {

  int longerSide() {
    return Math.max(bounds.width(), bounds.height());
  }
}
