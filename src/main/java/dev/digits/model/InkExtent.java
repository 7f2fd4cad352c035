package dev.digits.model;

/**
 * How large the ink is in the image it was found in, for the {@link DecisionRule}'s "too small".
 *
 * @param longerSide the longer side of the box around the ink, in the image's pixels
 * @param imageShorterSide the shorter side of the whole image
 */
public record InkExtent(int longerSide, int imageShorterSide) {
  public InkExtent {
    if (longerSide < 1 || imageShorterSide < 1) {
      throw new IllegalArgumentException(
          "ink and image need at least one pixel: " + longerSide + ", " + imageShorterSide);
    }
  }

  /** The ink's longer side as a share of the image's shorter side. */
  public double share() {
    return (double) longerSide / imageShorterSide;
  }
}
