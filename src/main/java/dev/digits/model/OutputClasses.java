package dev.digits.model;

import java.util.List;

/**
 * What a network's outputs stand for: the ten digits, in order, and — for networks trained to
 * decline — the kinds of drawing that are not one digit. A model file lists its outputs; files
 * without the list are of networks with the ten digits only.
 */
public final class OutputClasses {
  /** Outputs 0–9 are the digits. */
  public static final int DIGITS = 10;

  /** The output of drawings that are not a digit at all: letters, scribbles, shapes, dots. */
  public static final int NOT_A_DIGIT = 10;

  /** The output of drawings of more than one digit. */
  public static final int SEVERAL_DIGITS = 11;

  /** The names of a network that knows only the digits. */
  public static final List<String> DIGITS_ONLY =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  /** The names of a network that also declines, by output index. */
  public static final List<String> WITH_DECLINES =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "not_a_digit", "several_digits");

  private OutputClasses() {}

  /** The output names a model with {@code count} outputs has. */
  public static List<String> named(int count) {
    if (count == DIGITS_ONLY.size()) {
      return DIGITS_ONLY;
    }
    if (count == WITH_DECLINES.size()) {
      return WITH_DECLINES;
    }
    throw new IllegalArgumentException(
        "a network has 10 outputs (the digits) or 12 (and two kinds of decline), not " + count);
  }
}
