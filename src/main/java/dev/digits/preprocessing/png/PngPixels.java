package dev.digits.preprocessing.png;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes a common-case PNG (see {@link PngFile#isCommonCase()}) straight into luminance and alpha,
 * without a BufferedImage in between: ImageIO's reader costs several times as much for the canvas
 * exports that make up most requests.
 */
public final class PngPixels {

  private PngPixels() {}

  public static LumaPlanes decode(PngFile png) throws PngFormatException {
    return switch (png.colourType) {
      case PngFile.GREY -> decodeGrey(png);
      case PngFile.RGB -> decodeRgb(png);
      default -> decodeWithAlpha(png);
    };
  }

  private static LumaPlanes decodeGrey(PngFile png) throws PngFormatException {
    int width = png.width;
    byte[] luma = new byte[width * png.height];
    PngScanlines.read(
        png, (y, row, offset) -> System.arraycopy(row, offset, luma, y * width, width));
    return LumaPlanes.opaque(width, png.height, luma);
  }

  private static LumaPlanes decodeRgb(PngFile png) throws PngFormatException {
    int width = png.width;
    byte[] luma = new byte[width * png.height];
    PngScanlines.read(
        png,
        (y, row, offset) -> {
          for (int x = 0, i = offset, o = y * width; x < width; x++, i += 3, o++) {
            luma[o] = (byte) LumaPlanes.luma(row[i] & 0xFF, row[i + 1] & 0xFF, row[i + 2] & 0xFF);
          }
        });
    return LumaPlanes.opaque(width, png.height, luma);
  }

  private static LumaPlanes decodeWithAlpha(PngFile png) throws PngFormatException {
    if (png.colourType == PngFile.RGBA) {
      RgbaRows rows = new RgbaRows(png.width, png.height);
      PngScanlines.read(png, rows);
      return rows.image();
    }
    int width = png.width;
    byte[] luma = new byte[width * png.height];
    byte[] alpha = new byte[luma.length];
    // opaque-and, coverage, covered luma: accumulated per row, kept across rows.
    long[] sums = {0xFF, 0, 0};
    PngScanlines.read(
        png,
        (y, row, offset) -> {
          int and = 0xFF;
          long coverage = 0;
          long coveredLuma = 0;
          for (int x = 0, i = offset, o = y * width; x < width; x++, i += 2, o++) {
            int l = row[i] & 0xFF;
            int a = row[i + 1] & 0xFF;
            luma[o] = (byte) l;
            alpha[o] = (byte) a;
            and &= a;
            coverage += a;
            coveredLuma += a * l;
          }
          accumulate(sums, and, coverage, coveredLuma);
        });
    return sums[0] == 0xFF
        ? LumaPlanes.opaque(width, png.height, luma)
        : new LumaPlanes(width, png.height, luma, alpha, sums[1], sums[2], 0, 0, width, png.height);
  }

  private static void accumulate(long[] sums, int and, long coverage, long coveredLuma) {
    sums[0] &= and;
    sums[1] += coverage;
    sums[2] += coveredLuma;
  }

  /**
   * RGBA rows, the format of every canvas export. Most of a canvas is untouched background, a run
   * of one repeated pixel at both ends of each row: those runs are found by comparing whole pixels
   * and bound the content box that later stages confine themselves to. The planes are filled with
   * the background once, at the first row, so that only other pixels are written one by one:
   * filling the runs row by row cost about a twentieth of the preprocessing. The drawing page's
   * exports are opaque although stored as RGBA, so the alpha plane is only made once a pixel that
   * is not opaque turns up.
   */
  private static final class RgbaRows implements PngScanlines.Sink {
    private static final VarHandle PIXEL =
        MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int width;
    private final int height;
    private final byte[] luma;

    /** Null while every pixel so far is opaque. */
    private byte[] alpha;

    private int background;
    private byte[] backgroundRow;
    private int backgroundLuma;
    private int backgroundAlpha;
    private long coverage;
    private long coveredLuma;
    private int left = Integer.MAX_VALUE;
    private int top = -1;
    private int right;
    private int bottom;

    RgbaRows(int width, int height) {
      this.width = width;
      this.height = height;
      this.luma = new byte[width * height];
    }

    @Override
    public void row(int y, byte[] row, int offset) {
      if (y == 0) {
        background = (int) PIXEL.get(row, offset);
        backgroundAlpha = row[offset + 3] & 0xFF;
        backgroundLuma = backgroundAlpha == 0 ? 0 : lumaAt(row, offset);
        backgroundRow = new byte[4 * width];
        for (int x = 0; x < width; x++) {
          PIXEL.set(backgroundRow, 4 * x, background);
        }
        if (backgroundLuma != 0) {
          Arrays.fill(luma, (byte) backgroundLuma);
        }
        if (backgroundAlpha != 0xFF) {
          alpha = new byte[luma.length];
          if (backgroundAlpha != 0) {
            Arrays.fill(alpha, (byte) backgroundAlpha);
          }
        }
      }
      int start = y * width;
      // Arrays.mismatch compares many bytes per instruction; most rows are all background.
      int mismatch = Arrays.mismatch(row, offset, offset + 4 * width, backgroundRow, 0, 4 * width);
      if (mismatch < 0) {
        background(width);
        return;
      }
      int first = mismatch / 4;
      int last = width - 1;
      while ((int) PIXEL.get(row, offset + 4 * last) == background) {
        last--;
      }
      background(first + width - 1 - last);
      convert(row, offset, start, first, last);
      top = top < 0 ? y : top;
      bottom = y + 1;
      left = Math.min(left, first);
      right = Math.max(right, last + 1);
    }

    private void convert(byte[] row, int offset, int start, int first, int last) {
      byte[] alpha = this.alpha;
      long rowCoverage = 0;
      long rowCoveredLuma = 0;
      int backgroundPixels = 0;
      for (int x = first, i = offset + 4 * first, o = start + first; x <= last; x++, i += 4, o++) {
        // Between the strokes lies background: one comparison instead of a luma.
        if ((int) PIXEL.get(row, i) == background) {
          backgroundPixels++;
          continue;
        }
        int a = row[i + 3] & 0xFF;
        // The colour under alpha 0 means nothing (canvases leave it black): skip its luma.
        if (a != 0) {
          int l = lumaAt(row, i);
          luma[o] = (byte) l;
          rowCoverage += a;
          rowCoveredLuma += a * l;
        }
        if (alpha == null && a != 0xFF) {
          alpha = alphaPlane();
        }
        if (alpha != null) {
          alpha[o] = (byte) a;
        }
      }
      coverage += rowCoverage;
      coveredLuma += rowCoveredLuma;
      background(backgroundPixels);
    }

    /**
     * Makes the alpha plane when the first pixel that is not opaque turns up on an opaque
     * background: every pixel before it was opaque, as is the background after it, and every other
     * pixel after it will be written.
     */
    private byte[] alphaPlane() {
      alpha = new byte[luma.length];
      Arrays.fill(alpha, (byte) 0xFF);
      return alpha;
    }

    /** Counts {@code count} pixels that repeat the first pixel, which the planes already hold. */
    private void background(int count) {
      coverage += (long) count * backgroundAlpha;
      coveredLuma += (long) count * backgroundAlpha * backgroundLuma;
    }

    private static int lumaAt(byte[] row, int i) {
      return LumaPlanes.luma(row[i] & 0xFF, row[i + 1] & 0xFF, row[i + 2] & 0xFF);
    }

    LumaPlanes image() {
      if (top < 0) {
        // Every pixel repeats the first: an empty box.
        return new LumaPlanes(
            width, height, luma, alpha, alpha == null ? 0 : coverage, coveredLuma, 0, 0, 0, 0);
      }
      return alpha == null
          ? new LumaPlanes(width, height, luma, null, 0, 0, left, top, right, bottom)
          : new LumaPlanes(
              width, height, luma, alpha, coverage, coveredLuma, left, top, right, bottom);
    }
  }
}
