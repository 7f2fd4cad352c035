package dev.digits.preprocessing;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * CMYK and YCCK JPEGs as Photoshop and print workflows write them: four components, an Adobe APP14
 * segment naming the transform, and the samples stored inverted (255 is no ink).
 */
final class FourComponentJpegs {
  private static final int CMYK = 0;
  private static final int YCCK = 2;

  private FourComponentJpegs() {}

  /** The picture's grey levels printed with black ink alone, as a CMYK JPEG. */
  static byte[] cmyk(BufferedImage picture) {
    return encode(inkRaster(picture, false), CMYK);
  }

  /** The same as a YCCK JPEG: C, M and Y stored as YCbCr, K inverted as in a CMYK file. */
  static byte[] ycck(BufferedImage picture) {
    return encode(inkRaster(picture, true), YCCK);
  }

  private static WritableRaster inkRaster(BufferedImage picture, boolean ycck) {
    int width = picture.getWidth();
    int height = picture.getHeight();
    WritableRaster raster =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = picture.getRGB(x, y);
        int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
        // Black ink where the picture is dark, no cyan, magenta or yellow: stored inverted as 255
        // in a CMYK file; a YCCK file stores the YCbCr of 255 minus those, which is black.
        int[] stored = ycck ? new int[] {0, 128, 128, grey} : new int[] {255, 255, 255, grey};
        raster.setPixel(x, y, stored);
      }
    }
    return raster;
  }

  /** Encodes the four samples as they are, then adds the Adobe segment after the SOI marker. */
  private static byte[] encode(Raster raster, int transform) {
    ImageWriter writer = jdkWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] plain = out.toByteArray();
    byte[] adobe = {
      (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform
    };
    byte[] jpeg = new byte[plain.length + adobe.length];
    System.arraycopy(plain, 0, jpeg, 0, 2);
    System.arraycopy(adobe, 0, jpeg, 2, adobe.length);
    System.arraycopy(plain, 2, jpeg, 2 + adobe.length, plain.length - 2);
    return jpeg;
  }

  /** The JDK's writer, which writes a raster's samples unconverted and without any APP segment. */
  private static ImageWriter jdkWriter() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    while (writers.hasNext()) {
      ImageWriter writer = writers.next();
      if (!(writer.getOriginatingProvider() instanceof JPEGImageWriterSpi)) {
        return writer;
      }
    }
    throw new IllegalStateException("the JDK has no JPEG writer");
  }
}
