package dev.digits.preprocessing;

/** Counts of integer levels in {@code [0, size)}, with order statistics read from the counts. */
final class LevelHistogram {

  private final long[] counts;
  private long total;

  LevelHistogram(int size) {
    counts = new long[size];
  }

  /**
   * The pixels of a {@code width}-wide image: those in {@code box} counted one by one, the rest as
   * copies of the first pixel, which they are.
   */
  static LevelHistogram ofImage(byte[] values, int width, int height, ContentBox box) {
    int[] counts = new int[4 * 256];
    int outside = values[0] & 0xFF;
    for (int y = box.top(); y < box.bottom(); y++) {
      countSkippingRuns(values, y * width + box.left(), y * width + box.right(), outside, counts);
    }
    LevelHistogram histogram = of(counts);
    histogram.add(outside, (long) width * height - box.area());
    return histogram;
  }

  /**
   * The pixels within {@code ring} pixels of the image's edge: those in {@code box} counted one by
   * one, the rest as copies of the first pixel. A drawing rarely reaches the edge, so the ring is
   * usually all background and costs one addition per row.
   */
  static LevelHistogram ofBorder(byte[] values, int width, int height, int ring, ContentBox box) {
    int[] counts = new int[4 * 256];
    long outside = 0;
    for (int y = 0; y < height; y++) {
      int row = y * width;
      boolean inBox = y >= box.top() && y < box.bottom();
      // The columns of this row that lie in the box; none for a row outside it.
      int left = inBox ? box.left() : 0;
      int right = inBox ? box.right() : 0;
      if (y < ring || y >= height - ring || 2 * ring >= width) {
        outside += countWithin(values, row, 0, width, left, right, counts);
      } else {
        outside += countWithin(values, row, 0, ring, left, right, counts);
        outside += countWithin(values, row, width - ring, width, left, right, counts);
      }
    }
    LevelHistogram histogram = of(counts);
    histogram.add(values[0] & 0xFF, outside);
    return histogram;
  }

  /**
   * Counts the columns {@code [from, to)} of a row that lie within {@code [left, right)} and
   * returns how many do not.
   */
  private static int countWithin(
      byte[] values, int row, int from, int to, int left, int right, int[] counts) {
    int start = Math.max(from, left);
    int end = Math.min(to, right);
    if (start >= end) {
      return to - from;
    }
    count(values, row + start, row + end, counts);
    return to - from - (end - start);
  }

  /**
   * Counts into four interleaved tables: images are mostly long runs of one level, and bumping the
   * same counter pixel after pixel would wait on its own previous store each time.
   */
  private static void count(byte[] values, int from, int to, int[] counts) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      counts[values[i] & 0xFF]++;
      counts[256 + (values[i + 1] & 0xFF)]++;
      counts[512 + (values[i + 2] & 0xFF)]++;
      counts[768 + (values[i + 3] & 0xFF)]++;
    }
    for (; i < to; i++) {
      counts[values[i] & 0xFF]++;
    }
  }

  /**
   * As {@link #count}, but eight pixels of {@code level} in a row, the paper between a drawing's
   * strokes, are counted with one comparison.
   */
  private static void countSkippingRuns(byte[] values, int from, int to, int level, int[] counts) {
    long run = EightBytes.repeated(level);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      if (EightBytes.get(values, i) == run) {
        counts[level] += 8;
      } else {
        count(values, i, i + 8, counts);
      }
    }
    count(values, i, to, counts);
  }

  private static LevelHistogram of(int[] interleaved) {
    LevelHistogram histogram = new LevelHistogram(256);
    for (int level = 0; level < 256; level++) {
      histogram.add(
          level,
          (long) interleaved[level]
              + interleaved[256 + level]
              + interleaved[512 + level]
              + interleaved[768 + level]);
    }
    return histogram;
  }

  void add(int level, long count) {
    counts[level] += count;
    total += count;
  }

  long total() {
    return total;
  }

  long count(int level) {
    return counts[level];
  }

  int size() {
    return counts.length;
  }

  /** The smallest level at or below which lies at least the fraction {@code q} of the counts. */
  int quantile(double q) {
    return fromLow(Math.max(1, (long) Math.ceil(q * total)));
  }

  /** The smallest level at or below which lie at least {@code count} values. */
  int fromLow(long count) {
    long seen = 0;
    for (int level = 0; level < counts.length; level++) {
      seen += counts[level];
      if (seen >= count) {
        return level;
      }
    }
    return counts.length - 1;
  }

  /** The largest level at or above which lie at least {@code count} values. */
  int fromHigh(long count) {
    long seen = 0;
    for (int level = counts.length - 1; level >= 0; level--) {
      seen += counts[level];
      if (seen >= count) {
        return level;
      }
    }
    return 0;
  }

  /** How many values lie strictly above {@code level}. */
  long countAbove(int level) {
    long n = 0;
    for (int l = Math.max(0, level + 1); l < counts.length; l++) {
      n += counts[l];
    }
    return n;
  }
}
