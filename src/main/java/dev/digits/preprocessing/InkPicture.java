package dev.digits.preprocessing;

import java.util.Objects;

/**
 * An image reduced to ink: 0 (background) to 255 (full ink) per pixel, whichever way round the
 * source's colours were. What a caller finding several digits in one image works on; each digit it
 * cuts out goes back through {@link DigitPreprocessor#fromInk}. Read-only for its users.
 */
public final class InkPicture {
  private final InkImage image;

  InkPicture(InkImage image) {
    this.image = image;
  }

  /**
   * A piece of ink, e.g. one digit cut out of a larger picture.
   *
   * @param ink row-major, {@code width * height} bytes read as unsigned; kept, not copied
   */
  public static InkPicture of(int width, int height, byte[] ink) {
    Objects.requireNonNull(ink, "ink");
    if (width < 1 || height < 1 || ink.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + width + " × " + height + " bytes, got " + ink.length);
    }
    return new InkPicture(
        new InkImage(
            width,
            height,
            ink,
            Diagnostics.Polarity.DARK_INK_ON_LIGHT,
            ContentBox.all(width, height)));
  }

  public int width() {
    return image.width();
  }

  public int height() {
    return image.height();
  }

  /** The ink at (x, y), 0 to 255. */
  public int at(int x, int y) {
    return image.at(x, y);
  }

  /** A copy of all the ink, row-major, one unsigned byte a pixel: for a pass over every pixel. */
  public byte[] copyOfInk() {
    return image.ink().clone();
  }

  /** Ink from which a pixel belongs to a digit's strokes rather than their soft edge. */
  public static int strokeLevel() {
    return InkRegionFinder.BOX_LEVEL;
  }

  InkImage image() {
    return image;
  }
}
