package dev.digits.preprocessing;

/**
 * Turns encoded bytes into a {@link LumaImage}: sniffs the format, applies the limits to the
 * header, then decodes with the fast PNG path or ImageIO.
 */
final class ImageDecoder {

  private ImageDecoder() {}

  static LumaImage decode(byte[] encoded, PreprocessingLimits limits)
      throws PreprocessingException {
    if (encoded.length == 0) {
      throw PreprocessingException.malformed("The image is empty (0 bytes).");
    }
    limits.requireEncodedSize(encoded.length);
    ImageFormat format = ImageFormat.sniff(encoded);
    try {
      return switch (format) {
        case PNG -> decodePng(encoded, limits);
        case JPEG -> decodeJpeg(encoded, limits);
        case UNKNOWN ->
            throw PreprocessingException.malformed(
                "The data is not an image: it is neither PNG nor JPEG, nor any format recognised.");
        default ->
            throw PreprocessingException.unsupported(
                format.displayName() + " images are not supported; send a PNG or JPEG.");
      };
    } catch (RuntimeException e) {
      // Hostile files reach corners no test covers; they must still answer 400, not 500.
      throw new PreprocessingException(
          PreprocessingException.Reason.MALFORMED,
          "The "
              + format.displayName()
              + " could not be decoded ("
              + e.getClass().getSimpleName()
              + ").",
          e);
    }
  }

  private static LumaImage decodePng(byte[] encoded, PreprocessingLimits limits)
      throws PreprocessingException {
    PngFile png = PngFile.parse(encoded, limits);
    if (png.isCommonCase()) {
      return PngPixels.decode(png);
    }
    return RasterLuminance.of(ImageIoReader.read(encoded, ImageFormat.PNG));
  }

  private static LumaImage decodeJpeg(byte[] encoded, PreprocessingLimits limits)
      throws PreprocessingException {
    JpegHeader header = JpegHeader.parse(encoded, limits);
    LumaImage stored = RasterLuminance.of(ImageIoReader.read(encoded, ImageFormat.JPEG));
    return stored.oriented(header.orientation());
  }
}
