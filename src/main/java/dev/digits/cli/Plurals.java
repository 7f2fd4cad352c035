package dev.digits.cli;

/** Counts with their noun: "1 epoch", "2 epochs", "1 batch", "3 batches". */
final class Plurals {
  private Plurals() {}

  /** {@code n} and the noun, with an "s" unless {@code n} is 1. */
  static String count(long n, String singular) {
    return count(n, singular, singular + "s");
  }

  /** {@code n} and the singular or the plural. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
