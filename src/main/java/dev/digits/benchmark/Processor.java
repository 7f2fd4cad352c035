package dev.digits.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which processor the figures come from. The same 2-core machine has given 1,200 and 3,000
 * requests/s in different hours and on different hosts; a figure means little without it.
 */
public final class Processor {
  private Processor() {}

  /**
   * This machine's processor as Linux names it, for example "AMD EPYC (family 26, model 2)"; the
   * JVM's architecture name where {@code /proc/cpuinfo} cannot be read.
   */
  public static String describe() {
    try {
      return describe(Files.readAllLines(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
  }

  /**
   * The first processor's description in the lines of a {@code /proc/cpuinfo}. Family and model are
   * given too: virtual machines often name only the vendor's product line.
   */
  static String describe(List<String> cpuinfo) {
    String name = field(cpuinfo, "model name");
    String family = field(cpuinfo, "cpu family");
    String model = field(cpuinfo, "model");
    String described = name == null ? System.getProperty("os.arch") : name;
    if (family != null && model != null) {
      described += String.format(Locale.ROOT, " (family %s, model %s)", family, model);
    }
    return described;
  }

  private static String field(List<String> cpuinfo, String key) {
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
        String value = line.substring(colon + 1).strip();
        return value.isEmpty() ? null : value;
      }
      if (line.isBlank()) {
        break; // the first processor's block ends here
      }
    }
    return null;
  }
}
