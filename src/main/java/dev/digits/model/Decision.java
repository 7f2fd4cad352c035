package dev.digits.model;

import java.util.Locale;

/**
 * Whether to trust a prediction: accepted, or declined for a reason a person can act on.
 *
 * @param accepted true when the best guess is given as the answer
 * @param reason why it was declined; {@code null} when accepted
 */
public record Decision(boolean accepted, Reason reason) {
  /** The decision for a drawing read as one digit. */
  public static final Decision ACCEPTED = new Decision(true, null);

  /** Why a drawing was declined. */
  public enum Reason {
    /** It does not look like a digit: a letter, a scribble, a shape. */
    NOT_A_DIGIT,
    /** It looks like more than one digit. */
    SEVERAL_DIGITS,
    /** The ink is too small a part of the image to read; draw it bigger. */
    TOO_SMALL,
    /** Two digits are close, e.g. a 4 or a 9. */
    UNSURE;

    /** The name the API uses, e.g. {@code not_a_digit}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Decision {
    if (accepted != (reason == null)) {
      throw new IllegalArgumentException("a decision is accepted exactly when it has no reason");
    }
  }

  /** A decline for {@code reason}. */
  public static Decision declined(Reason reason) {
    return new Decision(false, reason);
  }
}
