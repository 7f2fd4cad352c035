package dev.digits.evaluation;

import java.util.Locale;

/**
 * The little the HTML reports need to write text safely and numbers consistently. Public for the
 * study's report, which escapes with the same rules.
 */
public final class Html {
  private Html() {}

  /**
   * Text made safe for element content and quoted attribute values: model names, descriptions and
   * file names come from users and must never become markup.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A fraction as a percentage with two decimals, e.g. "99.12%"; "n/a" when unknown. */
  static String percent(Double fraction) {
    return fraction == null || fraction.isNaN()
        ? "n/a"
        : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  /** A fraction as a percentage with one decimal, for the many small figures of the gallery. */
  static String shortPercent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** A count with thousands separators, e.g. "10,000". */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
