package dev.digits.preprocessing;

/**
 * A decoded image reduced to what preprocessing needs: one byte of luminance per pixel (Rec. 601
 * luma of the gamma-encoded colour, as PNG and JPEG store it) and, when any pixel is not fully
 * opaque, one byte of straight (not premultiplied) alpha. Two bytes a pixel instead of a
 * BufferedImage's four keeps big photos cheap. Later stages overwrite {@link #luma} in place.
 */
final class LumaImage {

  final int width;
  final int height;
  final byte[] luma;

  /** Straight alpha, or {@code null} when every pixel is opaque. */
  final byte[] alpha;

  /**
   * The sums of alpha and of alpha × luma over all pixels, which tell {@link AlphaFlattener} what
   * was drawn; decoders add them up while the values are at hand, saving a pass over the image.
   */
  final long coverage;

  final long coveredLuma;

  /**
   * Outside this box every pixel's luma and alpha equal the first pixel's; decoders that do not
   * look give the whole image.
   */
  final ContentBox content;

  LumaImage(
      int width,
      int height,
      byte[] luma,
      byte[] alpha,
      long coverage,
      long coveredLuma,
      ContentBox content) {
    this.width = width;
    this.height = height;
    this.luma = luma;
    this.alpha = alpha;
    this.coverage = coverage;
    this.coveredLuma = coveredLuma;
    this.content = content;
  }

  LumaImage(int width, int height, byte[] luma, byte[] alpha, long coverage, long coveredLuma) {
    this(width, height, luma, alpha, coverage, coveredLuma, ContentBox.all(width, height));
  }

  /** An opaque image. */
  LumaImage(int width, int height, byte[] luma) {
    this(width, height, luma, null, 0, 0);
  }

  /**
   * This image as it is meant to be shown, given an EXIF orientation (1 to 8): phones store photos
   * sideways and record the rotation, which browsers honour and ImageIO ignores.
   */
  LumaImage oriented(int exifOrientation) {
    if (exifOrientation <= 1 || exifOrientation > 8) {
      return this;
    }
    boolean swapsSides = exifOrientation >= 5;
    int outWidth = swapsSides ? height : width;
    int outHeight = swapsSides ? width : height;
    byte[] outLuma = new byte[luma.length];
    byte[] outAlpha = alpha == null ? null : new byte[alpha.length];
    for (int y = 0; y < outHeight; y++) {
      for (int x = 0; x < outWidth; x++) {
        int source = sourceIndex(exifOrientation, x, y);
        int target = y * outWidth + x;
        outLuma[target] = luma[source];
        if (outAlpha != null) {
          outAlpha[target] = alpha[source];
        }
      }
    }
    return new LumaImage(outWidth, outHeight, outLuma, outAlpha, coverage, coveredLuma);
  }

  /** Where displayed pixel (x, y) is stored, for each EXIF orientation. */
  private int sourceIndex(int orientation, int x, int y) {
    int w = width;
    int h = height;
    return switch (orientation) {
      case 2 -> y * w + (w - 1 - x);
      case 3 -> (h - 1 - y) * w + (w - 1 - x);
      case 4 -> (h - 1 - y) * w + x;
      case 5 -> x * w + y;
      case 6 -> (h - 1 - x) * w + y;
      case 7 -> (h - 1 - x) * w + (w - 1 - y);
      case 8 -> x * w + (w - 1 - y);
      default -> y * w + x;
    };
  }
}
