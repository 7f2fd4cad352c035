package dev.digits.corpus;

import dev.digits.model.OutputClasses;

/**
 * The kinds of drawing that are not one digit, as the generator makes them. Kinds marked held out
 * are never trained on: they measure how declining carries over to drawings of a kind the network
 * has never seen, as the users' drawings will be.
 */
public enum NonDigitKind {
  /** A letter of the Latin or Greek alphabet, one that does not look like a digit. */
  LETTER("letters", OutputClasses.NOT_A_DIGIT, false),
  /** A punctuation mark, currency sign or mathematical symbol. */
  SYMBOL("symbols", OutputClasses.NOT_A_DIGIT, false),
  /** Random pen movements: wandering lines, zigzags, loops, hatching, scratched-out areas. */
  SCRIBBLE("scribbles", OutputClasses.NOT_A_DIGIT, false),
  /** One or a few dots. */
  DOT("dots", OutputClasses.NOT_A_DIGIT, false),
  /** Lines near the horizontal, one or a few. */
  LINE("lines", OutputClasses.NOT_A_DIGIT, false),
  /** Polygons, stars and crosses. */
  SHAPE("shapes", OutputClasses.NOT_A_DIGIT, false),
  /** Two to four pen strokes — lines, arcs, hooks, loops — put together at random. */
  STROKES("random strokes", OutputClasses.NOT_A_DIGIT, false),
  /** Two or three digits side by side, apart or touching. */
  SEVERAL_DIGITS("several digits", OutputClasses.SEVERAL_DIGITS, false),
  /** Little pictures: hearts, smileys, spirals, arrows, houses, suns, waves, ticks. Held out. */
  DOODLE("doodles (held out)", OutputClasses.NOT_A_DIGIT, true),
  /** Short words of two to four letters. Held out. */
  WORD("words (held out)", OutputClasses.NOT_A_DIGIT, true);

  private final String description;
  private final int output;
  private final boolean heldOut;

  NonDigitKind(String description, int output, boolean heldOut) {
    this.description = description;
    this.output = output;
    this.heldOut = heldOut;
  }

  /** A few words for reports. */
  public String description() {
    return description;
  }

  /** The network output trained for this kind ({@link OutputClasses}). */
  public int output() {
    return output;
  }

  /** True for kinds never trained on. */
  public boolean heldOut() {
    return heldOut;
  }

  /** The name used in reports and metadata, e.g. {@code several-digits}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
