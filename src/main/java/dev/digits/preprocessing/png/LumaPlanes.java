package dev.digits.preprocessing.png;

/**
 * A decoded PNG reduced to what digit preprocessing needs: one byte of luminance a pixel and, when
 * any pixel is not fully opaque, one of straight alpha. The arrays are the decoder's own, handed
 * over without copies; the caller may overwrite them.
 *
 * @param luma Rec. 601 luma of each pixel, row by row; 0 where alpha is 0
 * @param alpha straight alpha, or null when every pixel is opaque
 * @param coverage the sum of alpha over all pixels (0 when {@code alpha} is null)
 * @param coveredLuma the sum of alpha × luma over all pixels (0 when {@code alpha} is null)
 * @param left with {@code top}, {@code right} and {@code bottom} (exclusive), the box outside which
 *     every pixel repeats the first one: the whole image when the decoder did not look
 */
public record LumaPlanes(
    int width,
    int height,
    byte[] luma,
    byte[] alpha,
    long coverage,
    long coveredLuma,
    int left,
    int top,
    int right,
    int bottom) {

  /** An opaque image whose content may lie anywhere. */
  static LumaPlanes opaque(int width, int height, byte[] luma) {
    return new LumaPlanes(width, height, luma, null, 0, 0, 0, 0, width, height);
  }

  /**
   * Rec. 601 luma in 16-bit fixed point; the weights add up to exactly 65536, so white stays 255.
   * Every decoder, this one and ImageIO's, reduces colour to luminance with it.
   */
  public static int luma(int red, int green, int blue) {
    return (19595 * red + 38470 * green + 7471 * blue + 32768) >>> 16;
  }
}
