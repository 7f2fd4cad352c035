package dev.digits.benchmark;

import java.util.Arrays;

/** Every latency of a run, kept exactly (a 10 s level is at most a few hundred thousand longs). */
final class Latencies {
  private long[] nanos = new long[1024];
  private int count;

  void add(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.nanos[i]);
    }
  }

  int count() {
    return count;
  }

  /**
   * The latencies, sorted, for {@link #percentileMillis}.
   *
   * @return a sorted copy
   */
  long[] sorted() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** The smallest latency at or under which lie {@code p} of all, in ms; NaN when none. */
  static double percentileMillis(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
