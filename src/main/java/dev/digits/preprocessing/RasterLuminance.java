package dev.digits.preprocessing;

import dev.digits.preprocessing.png.LumaPlanes;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads any BufferedImage into a {@link LumaImage}. The types that decoders and tests produce are
 * read straight from their data buffers; others go through the raster's samples, and only colour
 * spaces that are neither grey nor sRGB through {@code getRGB}.
 *
 * <p>Grey samples are taken as stored. Java labels the grey of PNG and JPEG as linear, and {@code
 * getRGB} would brighten mid-greys; the files mean them gamma-encoded, like sRGB.
 */
final class RasterLuminance {

  private RasterLuminance() {}

  static LumaImage of(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    Raster raster = image.getRaster();
    boolean untranslated =
        raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
    Pixels pixels = new Pixels(width, height);
    if (untranslated && image.getType() == BufferedImage.TYPE_INT_ARGB) {
      readPackedInts(raster, pixels, true);
    } else if (untranslated && image.getType() == BufferedImage.TYPE_INT_RGB) {
      readPackedInts(raster, pixels, false);
    } else if (untranslated
        && (image.getType() == BufferedImage.TYPE_3BYTE_BGR
            || image.getType() == BufferedImage.TYPE_4BYTE_ABGR
            || image.getType() == BufferedImage.TYPE_BYTE_GRAY)) {
      readInterleavedBytes(raster, pixels, image.getType());
    } else {
      readSamples(image, pixels);
    }
    return pixels.toLumaImage();
  }

  private static void readPackedInts(Raster raster, Pixels pixels, boolean hasAlpha) {
    int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
    int base = raster.getDataBuffer().getOffset();
    int scanline = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
    for (int y = 0; y < pixels.height; y++) {
      for (int x = 0, i = base + y * scanline; x < pixels.width; x++, i++) {
        int argb = data[i];
        pixels.set(
            y * pixels.width + x,
            LumaPlanes.luma((argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF),
            hasAlpha ? argb >>> 24 : 0xFF);
      }
    }
  }

  private static void readInterleavedBytes(Raster raster, Pixels pixels, int type) {
    byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
    int base = raster.getDataBuffer().getOffset();
    ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
    int scanline = model.getScanlineStride();
    int step = model.getPixelStride();
    for (int y = 0; y < pixels.height; y++) {
      for (int x = 0, i = base + y * scanline; x < pixels.width; x++, i += step) {
        int target = y * pixels.width + x;
        switch (type) {
          case BufferedImage.TYPE_BYTE_GRAY -> pixels.set(target, data[i] & 0xFF, 0xFF);
          case BufferedImage.TYPE_3BYTE_BGR ->
              pixels.set(
                  target,
                  LumaPlanes.luma(data[i + 2] & 0xFF, data[i + 1] & 0xFF, data[i] & 0xFF),
                  0xFF);
          default ->
              pixels.set(
                  target,
                  LumaPlanes.luma(data[i + 3] & 0xFF, data[i + 2] & 0xFF, data[i + 1] & 0xFF),
                  data[i] & 0xFF);
        }
      }
    }
  }

  private static void readSamples(BufferedImage image, Pixels pixels) {
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    boolean integral =
        model.getTransferType() == DataBuffer.TYPE_BYTE
            || model.getTransferType() == DataBuffer.TYPE_USHORT
            || model.getTransferType() == DataBuffer.TYPE_INT;
    ColorSpace space = model.getColorSpace();
    if (model instanceof IndexColorModel palette) {
      readIndexed(raster, palette, pixels);
    } else if (integral
        && space.getType() == ColorSpace.TYPE_GRAY
        && model.getNumColorComponents() == 1) {
      readComponents(raster, model, pixels, 1);
    } else if (integral && space.isCS_sRGB() && model.getNumColorComponents() == 3) {
      readComponents(raster, model, pixels, 3);
    } else {
      readConverted(image, pixels);
    }
  }

  private static void readIndexed(Raster raster, IndexColorModel palette, Pixels pixels) {
    int[] colours = new int[palette.getMapSize()];
    palette.getRGBs(colours);
    int[] indices = new int[pixels.width];
    for (int y = 0; y < pixels.height; y++) {
      raster.getSamples(0, y, pixels.width, 1, 0, indices);
      for (int x = 0; x < pixels.width; x++) {
        int argb = indices[x] < colours.length ? colours[indices[x]] : 0xFF000000;
        pixels.set(
            y * pixels.width + x,
            LumaPlanes.luma((argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF),
            argb >>> 24);
      }
    }
  }

  private static void readComponents(Raster raster, ColorModel model, Pixels pixels, int colours) {
    int bands = colours + (model.hasAlpha() ? 1 : 0);
    int[][] samples = new int[bands][pixels.width];
    int[] maxima = new int[bands];
    for (int b = 0; b < bands; b++) {
      maxima[b] = (1 << model.getComponentSize(b)) - 1;
    }
    boolean premultiplied = model.isAlphaPremultiplied();
    int[] c = new int[colours];
    for (int y = 0; y < pixels.height; y++) {
      for (int b = 0; b < bands; b++) {
        raster.getSamples(0, y, pixels.width, 1, b, samples[b]);
      }
      for (int x = 0; x < pixels.width; x++) {
        int alpha = model.hasAlpha() ? to8Bits(samples[colours][x], maxima[colours]) : 0xFF;
        for (int b = 0; b < colours; b++) {
          c[b] = to8Bits(samples[b][x], maxima[b]);
          if (premultiplied && alpha > 0) {
            c[b] = Math.min(0xFF, c[b] * 0xFF / alpha);
          }
        }
        int luma = colours == 1 ? c[0] : LumaPlanes.luma(c[0], c[1], c[2]);
        pixels.set(y * pixels.width + x, luma, alpha);
      }
    }
  }

  private static void readConverted(BufferedImage image, Pixels pixels) {
    int[] row = new int[pixels.width];
    for (int y = 0; y < pixels.height; y++) {
      image.getRGB(0, y, pixels.width, 1, row, 0, pixels.width);
      for (int x = 0; x < pixels.width; x++) {
        int argb = row[x];
        pixels.set(
            y * pixels.width + x,
            LumaPlanes.luma((argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF),
            argb >>> 24);
      }
    }
  }

  private static int to8Bits(int sample, int maximum) {
    return maximum == 0xFF ? sample : (int) ((sample * 255L + maximum / 2) / maximum);
  }

  /** Accumulates luma and alpha, dropping the alpha plane if every pixel turns out opaque. */
  private static final class Pixels {
    final int width;
    final int height;
    final byte[] luma;
    final byte[] alpha;
    int opaqueAnd = 0xFF;
    long coverage;
    long coveredLuma;

    Pixels(int width, int height) {
      this.width = width;
      this.height = height;
      this.luma = new byte[width * height];
      this.alpha = new byte[width * height];
    }

    void set(int index, int lumaValue, int alphaValue) {
      luma[index] = (byte) lumaValue;
      alpha[index] = (byte) alphaValue;
      opaqueAnd &= alphaValue;
      coverage += alphaValue;
      coveredLuma += alphaValue * lumaValue;
    }

    LumaImage toLumaImage() {
      return opaqueAnd == 0xFF
          ? new LumaImage(width, height, luma)
          : new LumaImage(width, height, luma, alpha, coverage, coveredLuma);
    }
  }
}
