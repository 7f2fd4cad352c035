package dev.digits.training;

/**
 * Derives independent seeds from the run's seed and a position (epoch, batch). Every random choice
 * depends only on its position, never on what ran before it, so a run resumed from a checkpoint
 * makes exactly the choices the uninterrupted run would have made.
 */
final class Seeds {
  private Seeds() {}

  /** A well-mixed seed for {@code (seed, parts...)} (SplitMix64's finalizer, applied per part). */
  static long mix(long seed, long... parts) {
    long h = seed;
    for (long part : parts) {
      h = finalizeMix(h ^ finalizeMix(part + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  private static long finalizeMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
