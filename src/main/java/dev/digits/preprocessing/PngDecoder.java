package dev.digits.preprocessing;

/** Which code decodes PNGs. */
public enum PngDecoder {
  /**
   * The fast path ({@link dev.digits.preprocessing.png}) for the PNGs browsers' canvases export,
   * ImageIO for the rest: the default.
   */
  FAST,

  /**
   * ImageIO for every PNG, the hand-written inflater and decoder not even reading the header: for
   * an operator who would rather trust the JDK's decoder than this project's.
   */
  IMAGEIO
}
