package dev.digits.preprocessing;

/**
 * Decodes a common-case PNG (see {@link PngFile#isCommonCase()}) straight into luminance and alpha,
 * without a BufferedImage in between: ImageIO's reader costs several times as much for the canvas
 * exports that make up most requests.
 */
final class PngPixels {

  private PngPixels() {}

  static LumaImage decode(PngFile png) throws PreprocessingException {
    return switch (png.colourType) {
      case PngFile.GREY -> decodeGrey(png);
      case PngFile.RGB -> decodeRgb(png);
      default -> decodeWithAlpha(png);
    };
  }

  private static LumaImage decodeGrey(PngFile png) throws PreprocessingException {
    int width = png.width;
    byte[] luma = new byte[width * png.height];
    PngScanlines.read(
        png, (y, row, offset) -> System.arraycopy(row, offset, luma, y * width, width));
    return new LumaImage(width, png.height, luma);
  }

  private static LumaImage decodeRgb(PngFile png) throws PreprocessingException {
    int width = png.width;
    byte[] luma = new byte[width * png.height];
    PngScanlines.read(
        png,
        (y, row, offset) -> {
          for (int x = 0, i = offset, o = y * width; x < width; x++, i += 3, o++) {
            luma[o] = (byte) LumaImage.luma(row[i] & 0xFF, row[i + 1] & 0xFF, row[i + 2] & 0xFF);
          }
        });
    return new LumaImage(width, png.height, luma);
  }

  private static LumaImage decodeWithAlpha(PngFile png) throws PreprocessingException {
    int width = png.width;
    byte[] luma = new byte[width * png.height];
    byte[] alpha = new byte[luma.length];
    // opaque-and, coverage, covered luma: accumulated per row, kept across rows.
    long[] sums = {0xFF, 0, 0};
    PngScanlines.Sink sink =
        png.colourType == PngFile.GREY_ALPHA
            ? (y, row, offset) -> {
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
            }
            : (y, row, offset) -> {
              int and = 0xFF;
              long coverage = 0;
              long coveredLuma = 0;
              for (int x = 0, i = offset, o = y * width; x < width; x++, i += 4, o++) {
                int a = row[i + 3] & 0xFF;
                // The colour under alpha 0 means nothing (canvases leave it black): skip its luma.
                if (a != 0) {
                  int l = LumaImage.luma(row[i] & 0xFF, row[i + 1] & 0xFF, row[i + 2] & 0xFF);
                  luma[o] = (byte) l;
                  coverage += a;
                  coveredLuma += a * l;
                }
                alpha[o] = (byte) a;
                and &= a;
              }
              accumulate(sums, and, coverage, coveredLuma);
            };
    PngScanlines.read(png, sink);
    return sums[0] == 0xFF
        ? new LumaImage(width, png.height, luma)
        : new LumaImage(width, png.height, luma, alpha, sums[1], sums[2]);
  }

  private static void accumulate(long[] sums, int and, long coverage, long coveredLuma) {
    sums[0] &= and;
    sums[1] += coverage;
    sums[2] += coveredLuma;
  }
}
