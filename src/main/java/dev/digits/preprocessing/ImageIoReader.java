package dev.digits.preprocessing;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes with ImageIO what the fast PNG path does not: JPEG, the rarer PNG variants, and every PNG
 * when the server is told to ({@link PngDecoder#IMAGEIO}). The caller has already checked the
 * header against the limits. Every failure inside ImageIO, including the unchecked exceptions its
 * decoders throw on hostile input, becomes {@link PreprocessingException.Reason#MALFORMED}.
 *
 * <p>JPEGs of grey or YCbCr pixels go to the JDK's own reader, which every test and benchmark has
 * measured; those of four components (CMYK and YCCK, from print workflows and some scanners), which
 * the JDK cannot read, go to TwelveMonkeys' reader, which converts them to RGB.
 */
final class ImageIoReader {

  private ImageIoReader() {}

  /** Decodes a PNG, or a JPEG of one or three components, with the JDK's reader. */
  static BufferedImage read(byte[] data, ImageFormat format) throws PreprocessingException {
    return decode(data, jdkReaderFor(format), format.displayName());
  }

  /**
   * The width and height a file's header declares, read without decoding a pixel.
   *
   * @return {width, height}
   * @throws PreprocessingException when the header cannot be read
   */
  static long[] dimensions(byte[] data, ImageFormat format) throws PreprocessingException {
    ImageReader reader = jdkReaderFor(format);
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(input, true, true);
      return new long[] {reader.getWidth(0), reader.getHeight(0)};
    } catch (IOException | RuntimeException e) {
      throw new PreprocessingException(
          PreprocessingException.Reason.MALFORMED,
          "The " + format.displayName() + "'s header could not be read: " + describe(e),
          e);
    } finally {
      reader.dispose();
    }
  }

  /** Decodes a CMYK or YCCK JPEG into RGB. */
  static BufferedImage readFourComponentJpeg(byte[] data) throws PreprocessingException {
    JPEGImageReaderSpi fourComponents =
        IIORegistry.getDefaultInstance().getServiceProviderByClass(JPEGImageReaderSpi.class);
    if (fourComponents == null) {
      throw PreprocessingException.unsupported(
          "This is a CMYK or YCCK JPEG, and no decoder for those is installed; save it as an RGB"
              + " JPEG or PNG.");
    }
    try {
      return decode(data, fourComponents.createReaderInstance(), "CMYK or YCCK JPEG");
    } catch (IOException e) {
      throw new PreprocessingException(
          PreprocessingException.Reason.UNSUPPORTED_FORMAT, "No CMYK JPEG decoder is usable.", e);
    }
  }

  private static BufferedImage decode(byte[] data, ImageReader reader, String what)
      throws PreprocessingException {
    // A memory-cached stream: ImageIO's default may spill to a temporary file.
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(input, true, true);
      return reader.read(0, reader.getDefaultReadParam());
    } catch (IOException | RuntimeException e) {
      throw new PreprocessingException(
          PreprocessingException.Reason.MALFORMED,
          "The " + what + " could not be decoded: " + describe(e),
          e);
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader jdkReaderFor(ImageFormat format) throws PreprocessingException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.displayName());
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      if (!(reader.getOriginatingProvider() instanceof JPEGImageReaderSpi)) {
        return reader;
      }
      reader.dispose();
    }
    throw PreprocessingException.unsupported(
        "No " + format.displayName() + " decoder is installed.");
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
