package dev.digits.preprocessing;

import dev.digits.preprocessing.png.LumaPlanes;
import dev.digits.preprocessing.png.PngFile;
import dev.digits.preprocessing.png.PngFormatException;
import dev.digits.preprocessing.png.PngPixels;

/**
 * A PNG or JPEG file whose format is sniffed and whose header passed the limits, not yet decoded:
 * how many pixels it holds is known before any memory is spent on them. Decodes PNGs with the fast
 * path or ImageIO, as the {@link PngDecoder} says, and JPEGs with ImageIO.
 */
final class EncodedImage {
  private final byte[] encoded;
  private final ImageFormat format;
  private final long pixels;

  /** The parsed PNG the fast path decodes; null for a JPEG, or a PNG ImageIO decodes. */
  private final PngFile png;

  /** The JPEG's header; null for a PNG. */
  private final JpegHeader jpeg;

  private EncodedImage(
      byte[] encoded, ImageFormat format, long pixels, PngFile png, JpegHeader jpeg) {
    this.encoded = encoded;
    this.format = format;
    this.pixels = pixels;
    this.png = png;
    this.jpeg = jpeg;
  }

  /**
   * Reads the header.
   *
   * @throws PreprocessingException for an empty, oversized, unsupported or malformed file, or one
   *     whose header declares more pixels than the limits allow
   */
  static EncodedImage open(byte[] encoded, PreprocessingLimits limits, PngDecoder pngDecoder)
      throws PreprocessingException {
    if (encoded.length == 0) {
      throw PreprocessingException.malformed("The image is empty (0 bytes).");
    }
    limits.requireEncodedSize(encoded.length);
    ImageFormat format = ImageFormat.sniff(encoded);
    try {
      return switch (format) {
        case PNG ->
            pngDecoder == PngDecoder.FAST ? fastPng(encoded, limits) : imageIoPng(encoded, limits);
        case JPEG -> {
          JpegHeader header = JpegHeader.parse(encoded, limits);
          yield new EncodedImage(
              encoded, format, (long) header.width() * header.height(), null, header);
        }
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

  private static EncodedImage fastPng(byte[] encoded, PreprocessingLimits limits)
      throws PreprocessingException {
    try {
      PngFile png = PngFile.parse(encoded, limits::requireDimensions);
      return new EncodedImage(
          encoded, ImageFormat.PNG, (long) png.width() * png.height(), png, null);
    } catch (PngFormatException e) {
      throw malformed(e);
    }
  }

  private static EncodedImage imageIoPng(byte[] encoded, PreprocessingLimits limits)
      throws PreprocessingException {
    long[] size = ImageIoReader.dimensions(encoded, ImageFormat.PNG);
    limits.requireDimensions(size[0], size[1]);
    return new EncodedImage(encoded, ImageFormat.PNG, size[0] * size[1], null, null);
  }

  /** Width × height, as the header declares them. */
  long pixels() {
    return pixels;
  }

  /** The pixels as luminance (and alpha, if any), upright. */
  LumaImage decode() throws PreprocessingException {
    try {
      if (png != null && png.isCommonCase()) {
        return lumaImage(PngPixels.decode(png));
      }
      if (jpeg == null) {
        return RasterLuminance.of(ImageIoReader.read(encoded, ImageFormat.PNG));
      }
      LumaImage stored =
          RasterLuminance.of(
              jpeg.components() == 4
                  ? ImageIoReader.readFourComponentJpeg(encoded)
                  : ImageIoReader.read(encoded, ImageFormat.JPEG));
      return stored.oriented(jpeg.orientation());
    } catch (PngFormatException e) {
      throw malformed(e);
    } catch (RuntimeException e) {
      throw undecodable(format, e);
    }
  }

  private static LumaImage lumaImage(LumaPlanes planes) {
    return new LumaImage(
        planes.width(),
        planes.height(),
        planes.luma(),
        planes.alpha(),
        planes.coverage(),
        planes.coveredLuma(),
        new ContentBox(planes.left(), planes.top(), planes.right(), planes.bottom()));
  }

  private static PreprocessingException malformed(PngFormatException e) {
    return new PreprocessingException(PreprocessingException.Reason.MALFORMED, e.getMessage(), e);
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
