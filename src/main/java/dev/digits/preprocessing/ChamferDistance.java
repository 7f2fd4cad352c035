package dev.digits.preprocessing;

/**
 * The 3-4 chamfer distance transform, two passes over the image whatever the distances. Grows
 * strokes in {@link StrokeThickener} and shrinks them in {@link StrokeThinner}.
 */
final class ChamferDistance {

  private static final int STRAIGHT = 3;
  private static final int DIAGONAL = 4;

  private ChamferDistance() {}

  /**
   * Replaces every non-zero entry of the row-major {@code d}, {@code width} entries a row, with its
   * distance to the nearest zero, in thirds of a pixel (3 straight, 4 diagonal), capped at the
   * value it held.
   *
   * <p>Each pass takes every pixel's minimum over the neighbours already visited. Per row, the
   * neighbours in the row before come first, in a loop with neither bounds tests nor a chain from
   * pixel to pixel (the first and last column, which lack some of them, apart); then one sweep
   * along the row adds the neighbour in the row itself. The order of the minima does not change
   * them.
   */
  static void transform(int[] d, int width, int height) {
    if (height == 0) {
      return;
    }
    if (width < 2) {
      columnTransform(d, height);
      return;
    }
    int last = width - 1;
    leftToRight(d, 1, width);
    for (int y = 1; y < height; y++) {
      int row = y * width;
      int up = row - width;
      d[row] = min(d[row], d[up] + STRAIGHT, d[up + 1] + DIAGONAL);
      fromNeighbourRow(d, row, up, width);
      d[row + last] = min(d[row + last], d[up + last] + STRAIGHT, d[up + last - 1] + DIAGONAL);
      leftToRight(d, row + 1, row + width);
    }
    int bottom = (height - 1) * width;
    rightToLeft(d, bottom, bottom + last - 1);
    for (int y = height - 2; y >= 0; y--) {
      int row = y * width;
      int down = row + width;
      d[row] = min(d[row], d[down] + STRAIGHT, d[down + 1] + DIAGONAL);
      fromNeighbourRow(d, row, down, width);
      d[row + last] = min(d[row + last], d[down + last] + STRAIGHT, d[down + last - 1] + DIAGONAL);
      rightToLeft(d, row, row + last - 1);
    }
  }

  /** The straight and both diagonal neighbours in the row at {@code other}, for x in (0, last). */
  private static void fromNeighbourRow(int[] d, int row, int other, int width) {
    for (int i = row + 1, j = other + 1, end = row + width - 1; i < end; i++, j++) {
      d[i] = min(d[i], d[j] + STRAIGHT, Math.min(d[j - 1], d[j + 1]) + DIAGONAL);
    }
  }

  /** d[i] = min(d[i], d[i - 1] + 3) for i from {@code from} up to {@code to - 1}, in that order. */
  private static void leftToRight(int[] d, int from, int to) {
    for (int i = from; i < to; i++) {
      d[i] = Math.min(d[i], d[i - 1] + STRAIGHT);
    }
  }

  /**
   * d[i] = min(d[i], d[i + 1] + 3) for i from {@code last} down to {@code first}, in that order.
   */
  private static void rightToLeft(int[] d, int first, int last) {
    for (int i = last; i >= first; i--) {
      d[i] = Math.min(d[i], d[i + 1] + STRAIGHT);
    }
  }

  /** An image one pixel wide: only the straight neighbours above and below. */
  private static void columnTransform(int[] d, int height) {
    for (int y = 1; y < height; y++) {
      d[y] = Math.min(d[y], d[y - 1] + STRAIGHT);
    }
    for (int y = height - 2; y >= 0; y--) {
      d[y] = Math.min(d[y], d[y + 1] + STRAIGHT);
    }
  }

  private static int min(int a, int b, int c) {
    return Math.min(a, Math.min(b, c));
  }
}
