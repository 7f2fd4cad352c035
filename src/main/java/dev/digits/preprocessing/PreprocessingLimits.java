package dev.digits.preprocessing;

/**
 * How much input a {@link DigitPreprocessor} accepts. Every limit is checked before a single pixel
 * is decoded, so a tiny file that claims a gigantic image (a decompression bomb) is refused in
 * microseconds without allocating its raster.
 *
 * @param maxEncodedBytes the largest PNG or JPEG accepted, in bytes (after base64 decoding)
 * @param maxPixels the largest width × height accepted
 * @param maxSide the largest width or height accepted, in pixels
 */
public record PreprocessingLimits(int maxEncodedBytes, long maxPixels, int maxSide) {

  /**
   * 2 MiB encoded, 16 megapixels (4096 × 4096), 8192 px a side.
   *
   * <p>A drawn digit is a canvas PNG of a few KiB to a few hundred KiB, and a photo resized for
   * upload stays under 2 MiB; a full-resolution camera file is larger, and a digit needs nowhere
   * near its resolution. 16 megapixels still admits a 12-megapixel phone photo (4032 × 3024) while
   * bounding what one request can make the server hold: at most 4 bytes a pixel of decoded raster
   * (64 MiB; 8 bytes in the rare 16-bit PNG that ImageIO decodes) plus 2 bytes a pixel of our own.
   * 8192 px a side covers any camera and stops absurd strips such as 1 × 16 000 000.
   */
  public static final PreprocessingLimits DEFAULT =
      new PreprocessingLimits(2 * 1024 * 1024, 4096L * 4096L, 8192);

  /** The largest pixel count any limits may allow: images live in arrays indexed by {@code int}. */
  static final long PIXELS_CEILING = 1L << 30;

  /**
   * @throws IllegalArgumentException if a limit is not positive or {@code maxPixels} exceeds 2^30
   */
  public PreprocessingLimits {
    if (maxEncodedBytes <= 0 || maxPixels <= 0 || maxSide <= 0) {
      throw new IllegalArgumentException(
          "limits must be positive: "
              + maxEncodedBytes
              + " bytes, "
              + maxPixels
              + " pixels, "
              + maxSide
              + " px a side");
    }
    if (maxPixels > PIXELS_CEILING) {
      throw new IllegalArgumentException(
          "maxPixels "
              + maxPixels
              + " exceeds "
              + PIXELS_CEILING
              + ", the most one image can hold");
    }
  }

  void requireEncodedSize(long bytes) throws PreprocessingException {
    if (bytes > maxEncodedBytes) {
      throw new PreprocessingException(
          PreprocessingException.Reason.ENCODED_TOO_LARGE,
          "The image file is " + bytes + " bytes; the limit is " + maxEncodedBytes + " bytes.");
    }
  }

  void requireDimensions(long width, long height) throws PreprocessingException {
    if (width <= 0 || height <= 0) {
      throw new PreprocessingException(
          PreprocessingException.Reason.MALFORMED,
          "The image claims to be " + width + "×" + height + " pixels, which is empty.");
    }
    if (width > maxSide || height > maxSide || width * height > maxPixels) {
      throw new PreprocessingException(
          PreprocessingException.Reason.IMAGE_TOO_LARGE,
          "The image is "
              + width
              + "×"
              + height
              + " pixels; the limit is "
              + maxPixels
              + " pixels and "
              + maxSide
              + " px a side.");
    }
  }
}
