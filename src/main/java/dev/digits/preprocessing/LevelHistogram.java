package dev.digits.preprocessing;

/** Counts of integer levels in {@code [0, size)}, with order statistics read from the counts. */
final class LevelHistogram {

  private final long[] counts;
  private long total;

  LevelHistogram(int size) {
    counts = new long[size];
  }

  static LevelHistogram ofBytes(byte[] values) {
    // Counted in runs: images are mostly long runs of one level, and incrementing the same counter
    // pixel after pixel stalls on its own previous store.
    long[] counts = new long[256];
    int i = 0;
    while (i < values.length) {
      byte level = values[i];
      int start = i;
      do {
        i++;
      } while (i < values.length && values[i] == level);
      counts[level & 0xFF] += i - start;
    }
    LevelHistogram histogram = new LevelHistogram(256);
    for (int level = 0; level < 256; level++) {
      histogram.add(level, counts[level]);
    }
    return histogram;
  }

  /** The pixels within {@code ring} pixels of the image's edge. */
  static LevelHistogram ofBorder(byte[] values, int width, int height, int ring) {
    int[] counts = new int[256];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      if (y < ring || y >= height - ring || 2 * ring >= width) {
        for (int x = 0; x < width; x++) {
          counts[values[row + x] & 0xFF]++;
        }
      } else {
        for (int x = 0; x < ring; x++) {
          counts[values[row + x] & 0xFF]++;
          counts[values[row + width - 1 - x] & 0xFF]++;
        }
      }
    }
    LevelHistogram histogram = new LevelHistogram(256);
    for (int level = 0; level < 256; level++) {
      histogram.add(level, counts[level]);
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
