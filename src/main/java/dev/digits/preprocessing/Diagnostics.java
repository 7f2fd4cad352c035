package dev.digits.preprocessing;

/**
 * What preprocessing found in the source image: useful to explain a surprising prediction.
 *
 * @param polarity whether the ink was darker or lighter than its background
 * @param sourceWidth width of the source image in pixels, after any EXIF rotation
 * @param sourceHeight height of the source image in pixels, after any EXIF rotation
 * @param inkBounds the box around the ink that was scaled to 20 px, in source pixels
 * @param alphaUsed whether the image had transparency and the ink was read from it
 */
public record Diagnostics(
    Polarity polarity, int sourceWidth, int sourceHeight, InkBounds inkBounds, boolean alphaUsed) {

  /** The longer side of the ink's box, at least 1: with the next, what "too small" is judged on. */
  public int inkLongerSide() {
    return Math.max(1, Math.max(inkBounds.width(), inkBounds.height()));
  }

  /** The shorter side of the source image, at least 1. */
  public int sourceShorterSide() {
    return Math.max(1, Math.min(sourceWidth, sourceHeight));
  }

  /** Which way round ink and background were. */
  public enum Polarity {
    /** Pen on paper, black on a white canvas, or ink on a transparent canvas drawn dark. */
    DARK_INK_ON_LIGHT,
    /** MNIST style: white or light strokes on a dark background. */
    LIGHT_INK_ON_DARK
  }

  /**
   * A box in source pixels: columns {@code x} to {@code x + width - 1}, rows {@code y} to {@code y
   * + height - 1}.
   */
  public record InkBounds(int x, int y, int width, int height) {}
}
