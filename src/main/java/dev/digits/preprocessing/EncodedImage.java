package dev.digits.preprocessing;

/**
 * A PNG or JPEG file whose format is sniffed and whose header passed the limits, not yet decoded:
 * how many pixels it holds is known before any memory is spent on them. Decodes with the fast PNG
 * path or ImageIO.
 */
final class EncodedImage {
  private final byte[] encoded;
  private final ImageFormat format;
  private final PngFile png;
  private final JpegHeader jpeg;

  private EncodedImage(byte[] encoded, ImageFormat format, PngFile png, JpegHeader jpeg) {
    this.encoded = encoded;
    this.format = format;
    this.png = png;
    this.jpeg = jpeg;
  }

  /**
   * Reads the header.
   *
   * @throws PreprocessingException for an empty, oversized, unsupported or malformed file, or one
   *     whose header declares more pixels than the limits allow
   */
  static EncodedImage open(byte[] encoded, PreprocessingLimits limits)
      throws PreprocessingException {
    if (encoded.length == 0) {
      throw PreprocessingException.malformed("The image is empty (0 bytes).");
    }
    limits.requireEncodedSize(encoded.length);
    ImageFormat format = ImageFormat.sniff(encoded);
    try {
      return switch (format) {
        case PNG -> new EncodedImage(encoded, format, PngFile.parse(encoded, limits), null);
        case JPEG -> new EncodedImage(encoded, format, null, JpegHeader.parse(encoded, limits));
        case UNKNOWN ->
            throw PreprocessingException.malformed(
                "The data is not an image: it is neither PNG nor JPEG, nor any format recognised.");
        default ->
            throw PreprocessingException.unsupported(
                format.displayName() + " images are not supported; send a PNG or JPEG.");
      };
    } catch (RuntimeException e) {
      throw undecodable(format, e);
    }
  }

  /** Width × height, as the header declares them. */
  long pixels() {
    return png != null ? (long) png.width * png.height : (long) jpeg.width() * (long) jpeg.height();
  }

  /** The pixels as luminance (and alpha, if any), upright. */
  LumaImage decode() throws PreprocessingException {
    try {
      if (png != null) {
        return png.isCommonCase()
            ? PngPixels.decode(png)
            : RasterLuminance.of(ImageIoReader.read(encoded, ImageFormat.PNG));
      }
      LumaImage stored =
          RasterLuminance.of(
              jpeg.components() == 4
                  ? ImageIoReader.readFourComponentJpeg(encoded)
                  : ImageIoReader.read(encoded, ImageFormat.JPEG));
      return stored.oriented(jpeg.orientation());
    } catch (RuntimeException e) {
      throw undecodable(format, e);
    }
  }

  /** Hostile files reach corners no test covers; they must still answer 400, not 500. */
  private static PreprocessingException undecodable(ImageFormat format, RuntimeException e) {
    return new PreprocessingException(
        PreprocessingException.Reason.MALFORMED,
        "The "
            + format.displayName()
            + " could not be decoded ("
            + e.getClass().getSimpleName()
            + ").",
        e);
  }
}
