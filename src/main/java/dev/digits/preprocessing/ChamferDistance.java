package dev.digits.preprocessing;

/**
 * The 3-4 chamfer distance transform, two passes over the image whatever the distances. Grows
 * strokes in {@link StrokeThickener} and shrinks them in {@link StrokeThinner}.
 */
final class ChamferDistance {

  private ChamferDistance() {}

  /**
   * Replaces every non-zero entry of the row-major {@code d}, {@code width} entries a row, with its
   * distance to the nearest zero, in thirds of a pixel (3 straight, 4 diagonal), capped at the
   * value it held.
   */
  static void transform(int[] d, int width, int height) {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        int best = d[i];
        if (x > 0) {
          best = Math.min(best, d[i - 1] + 3);
        }
        if (y > 0) {
          best = Math.min(best, d[i - width] + 3);
          if (x > 0) {
            best = Math.min(best, d[i - width - 1] + 4);
          }
          if (x + 1 < width) {
            best = Math.min(best, d[i - width + 1] + 4);
          }
        }
        d[i] = best;
      }
    }
    for (int y = height - 1; y >= 0; y--) {
      for (int x = width - 1; x >= 0; x--) {
        int i = y * width + x;
        int best = d[i];
        if (x + 1 < width) {
          best = Math.min(best, d[i + 1] + 3);
        }
        if (y + 1 < height) {
          best = Math.min(best, d[i + width] + 3);
          if (x + 1 < width) {
            best = Math.min(best, d[i + width + 1] + 4);
          }
          if (x > 0) {
            best = Math.min(best, d[i + width - 1] + 4);
          }
        }
        d[i] = best;
      }
    }
  }
}
