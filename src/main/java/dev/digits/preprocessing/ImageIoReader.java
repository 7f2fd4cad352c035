package dev.digits.preprocessing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes with ImageIO what {@link PngPixels} does not: JPEG and the rarer PNG variants. The caller
 * has already checked the header against the limits. Every failure inside ImageIO, including the
 * unchecked exceptions its decoders throw on hostile input, becomes {@link
 * PreprocessingException.Reason#MALFORMED}.
 */
final class ImageIoReader {

  private ImageIoReader() {}

  static BufferedImage read(byte[] data, ImageFormat format) throws PreprocessingException {
    ImageReader reader = readerFor(format);
    // A memory-cached stream: ImageIO's default may spill to a temporary file.
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(input, true, true);
      return reader.read(0, reader.getDefaultReadParam());
    } catch (IOException | RuntimeException e) {
      throw new PreprocessingException(
          PreprocessingException.Reason.MALFORMED,
          "The " + format.displayName() + " could not be decoded: " + describe(e),
          e);
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader readerFor(ImageFormat format) throws PreprocessingException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.displayName());
    if (!readers.hasNext()) {
      throw PreprocessingException.unsupported(
          "No " + format.displayName() + " decoder is installed.");
    }
    return readers.next();
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
