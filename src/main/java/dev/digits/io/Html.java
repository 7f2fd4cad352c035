package dev.digits.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Text made safe for HTML, and the number formats every report writes figures in. */
public final class Html {
  private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

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
  public static String percent(Double fraction) {
    return fraction == null ? "n/a" : percent(fraction, 2);
  }

  /** A fraction as a percentage, e.g. {@code (0.99523, 2) → "99.52%"}; "n/a" when unknown. */
  public static String percent(double fraction, int decimals) {
    return Double.isNaN(fraction)
        ? "n/a"
        : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * fraction);
  }

  /** A count with thousands separators, e.g. "10,000". */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A number with {@code decimals} decimals and thousands separators. */
  public static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** A number with about four significant digits, whatever its size. */
  public static String significant(double value) {
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return number(value, 0);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(magnitude)));
    return String.format(Locale.ROOT, "%." + Math.min(decimals, 8) + "f", value);
  }

  /**
   * A small positive number such as a penalty's strength in powers of ten, e.g. {@code 1e-4 →
   * "10⁻⁴"}, {@code 3e-4 → "3×10⁻⁴"}; "—" for zero, which means none.
   */
  public static String powerOfTenMultiple(double value) {
    if (value == 0) {
      return "—";
    }
    // Three significant digits, so that a float's 9.99999974e-5 reads as the 1e-4 it was given.
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    String mantissa = rounded.movePointRight(-exponent).stripTrailingZeros().toPlainString();
    return (mantissa.equals("1") ? "" : mantissa + "×") + powerOfTen(exponent);
  }

  /** A power of ten for axis labels, e.g. {@code -3 → "10⁻³"}. */
  public static String powerOfTen(int exponent) {
    StringBuilder out = new StringBuilder("10").append(exponent < 0 ? "⁻" : "");
    for (char digit : Integer.toString(Math.abs(exponent)).toCharArray()) {
      out.append(SUPERSCRIPT_DIGITS.charAt(digit - '0'));
    }
    return out.toString();
  }

  /** A duration in seconds or, from two minutes on, minutes: "45 s", "7.5 min". */
  public static String minutes(double seconds) {
    return seconds < 120
        ? String.format(Locale.ROOT, "%.0f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }
}
