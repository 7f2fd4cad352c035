package dev.digits.preprocessing.png;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * What ImageIO's own PNG reader makes of a file, reduced to luma and alpha the way the fast path
 * reduces it: the reference the fast path must match. Grey samples are taken as stored, colour
 * through {@link LumaPlanes#luma}, and the alpha plane is dropped when every pixel is opaque.
 */
final class ImageIoReference {
  private ImageIoReference() {}

  /**
   * The reference planes (without a content box), or null when ImageIO cannot read the file.
   *
   * @throws IOException never for a readable file; hostile files make ImageIO throw
   */
  static LumaPlanes planes(byte[] png) throws IOException {
    var image = ImageIO.read(new ByteArrayInputStream(png));
    if (image == null) {
      return null;
    }
    Raster raster = image.getRaster();
    int width = raster.getWidth();
    int height = raster.getHeight();
    int bands = raster.getNumBands();
    boolean colour = bands >= 3;
    boolean hasAlpha = bands == 2 || bands == 4;
    byte[] luma = new byte[width * height];
    byte[] alpha = new byte[width * height];
    long coverage = 0;
    long coveredLuma = 0;
    boolean translucent = false;
    int[] pixel = new int[bands];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.getPixel(x, y, pixel);
        int l = colour ? LumaPlanes.luma(pixel[0], pixel[1], pixel[2]) : pixel[0];
        int a = hasAlpha ? pixel[bands - 1] : 255;
        int i = y * width + x;
        luma[i] = (byte) l;
        alpha[i] = (byte) a;
        coverage += a;
        coveredLuma += (long) a * l;
        translucent |= a != 255;
      }
    }
    return translucent
        ? new LumaPlanes(width, height, luma, alpha, coverage, coveredLuma, 0, 0, width, height)
        : LumaPlanes.opaque(width, height, luma);
  }
}
