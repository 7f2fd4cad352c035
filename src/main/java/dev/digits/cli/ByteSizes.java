package dev.digits.cli;

import java.util.Locale;

/** Sizes as people read them: "812 B", "12.3 kB", "47.0 MB" (decimal units, as downloads show). */
final class ByteSizes {
  private ByteSizes() {}

  static String format(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
    if (bytes < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
  }
}
