package dev.digits.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Escaping and number formats for the report page. */
final class Html {
  private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private Html() {}

  /** Text made safe for element content and quoted attribute values, as in every report. */
  static String escape(String text) {
    return dev.digits.evaluation.Html.escape(text);
  }

  /** A fraction as a percentage, e.g. {@code 0.99523 → "99.52%"}. */
  static String percent(double fraction, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * fraction);
  }

  /** A number with {@code decimals} decimals and thousands separators. */
  static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** A number with about four significant digits, whatever its size. */
  static String significant(double value) {
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

  /** A penalty strength as plain text, e.g. {@code 1e-4 → "10⁻⁴"}, {@code 3e-4 → "3×10⁻⁴"}. */
  static String strength(double lambda) {
    if (lambda == 0) {
      return "—";
    }
    // Three significant digits, so that a float's 9.99999974e-5 reads as the 1e-4 it was given.
    BigDecimal value = new BigDecimal(lambda).round(new MathContext(3)).stripTrailingZeros();
    int exponent = value.precision() - value.scale() - 1;
    String mantissa = value.movePointRight(-exponent).stripTrailingZeros().toPlainString();
    return (mantissa.equals("1") ? "" : mantissa + "×") + powerOfTen(exponent);
  }

  /** A power of ten for axis labels, e.g. {@code -3 → "10⁻³"}. */
  static String powerOfTen(int exponent) {
    return "10" + superscript(exponent);
  }

  /** A training time in seconds or, from two minutes on, minutes. */
  static String minutes(double seconds) {
    return seconds < 120
        ? String.format(Locale.ROOT, "%.0f s", seconds)
        : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }

  private static String superscript(int exponent) {
    StringBuilder out = new StringBuilder(exponent < 0 ? "⁻" : "");
    for (char digit : Integer.toString(Math.abs(exponent)).toCharArray()) {
      out.append(SUPERSCRIPT_DIGITS.charAt(digit - '0'));
    }
    return out.toString();
  }
}
