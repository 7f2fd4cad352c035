package dev.digits.preprocessing;

/**
 * Composites translucent pixels onto a backdrop, in place. A canvas export is transparent where
 * nothing was drawn, and the colour stored under alpha 0 means nothing (often black). The backdrop
 * is white when what was drawn is mostly dark and black when it is mostly light, so ink always
 * contrasts with it and anti-aliased edges become proportionally weaker ink.
 */
final class AlphaFlattener {

  private AlphaFlattener() {}

  /** Returns whether the image had any transparency to flatten. */
  static boolean flatten(LumaImage image) throws PreprocessingException {
    byte[] alpha = image.alpha;
    if (alpha == null) {
      return false;
    }
    byte[] luma = image.luma;
    if (image.coverage == 0) {
      throw PreprocessingException.noInk("No digit found: the image is fully transparent.");
    }
    int backdrop = image.coveredLuma < image.coverage * 128 ? 0xFF : 0;
    // Every pixel outside the content box is the first pixel: flatten that one, fill with it.
    byte outside = flattened(alpha[0], luma[0], backdrop);
    ContentBox box = image.content;
    int width = image.width;
    for (int y = box.top(); y < box.bottom(); y++) {
      for (int i = y * width + box.left(), end = y * width + box.right(); i < end; i++) {
        luma[i] = flattened(alpha[i], luma[i], backdrop);
      }
    }
    box.fillOutside(luma, width, image.height, outside);
    return true;
  }

  private static byte flattened(byte alpha, byte luma, int backdrop) {
    int a = alpha & 0xFF;
    return (byte) divideBy255(a * (luma & 0xFF) + (0xFF - a) * backdrop + 127);
  }

  /** Exact floor(n / 255) for 0 ≤ n < 65536, without a division in the per-pixel loop. */
  static int divideBy255(int n) {
    return (n * 0x8081) >>> 23;
  }
}
