package dev.digits.reading;

/**
 * A line between two candidate digits, top to bottom: on row {@code top + i} it passes just left of
 * column {@code columns[i]}; above and below those rows it goes straight on.
 */
record Cut(int top, int[] columns) {

  /** A vertical line just left of column {@code x}. */
  static Cut straight(int x) {
    return new Cut(0, new int[] {x});
  }

  /** The first column right of the cut on row {@code y}. */
  int at(int y) {
    int i = Math.max(0, Math.min(columns.length - 1, y - top));
    return columns[i];
  }

  /** Halfway between its leftmost and rightmost columns. */
  double centre() {
    return (min() + max()) / 2.0;
  }

  int min() {
    int min = Integer.MAX_VALUE;
    for (int column : columns) {
      min = Math.min(min, column);
    }
    return min;
  }

  int max() {
    int max = Integer.MIN_VALUE;
    for (int column : columns) {
      max = Math.max(max, column);
    }
    return max;
  }
}
