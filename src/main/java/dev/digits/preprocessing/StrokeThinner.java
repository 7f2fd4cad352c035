package dev.digits.preprocessing;

/**
 * Thins strokes that scaling to 20 px would leave far wider than MNIST's. A 25 px pen on a 70 px
 * digit ends up over 7 px wide, and strokes that wide fill a digit's loops in: drawn that way, 3, 5
 * and 9 read as 8 and 4 and 7 as 9. MNIST's strokes are about 2.5 px wide; strokes that would end
 * up wider than {@value #MAX_OUTPUT_WIDTH} px are eroded by a disc so that they end up {@value
 * #TARGET_OUTPUT_WIDTH} px wide, which opens the loops again as far as the drawing left them any
 * hole at all. Thinner strokes are {@link StrokeThickener}'s.
 *
 * <p>The erosion keeps the ink's core (pixels at least half inked), measures how deep inside it
 * each pixel lies with a 3-4 {@link ChamferDistance} and gives the new edge a one-pixel
 * anti-aliased ramp.
 */
final class StrokeThinner {

  /**
   * Bolder than nearly all of MNIST, and where loops start to close: wider strokes are thinned
   * (measured on MNIST digits re-drawn on the canvas, thinning from here left legible drawings as
   * accurate as before).
   */
  static final double MAX_OUTPUT_WIDTH = 4.0;

  /**
   * On MNIST's bold side rather than at its typical 2.5 px, so that erosion takes no more than it
   * must: it also shortens strokes and rounds off their ends and corners.
   */
  static final double TARGET_OUTPUT_WIDTH = 3.0;

  /** Ink at or above this level is the core that erosion starts from: the byte's top bit. */
  private static final int CORE_LEVEL = 128;

  private StrokeThinner() {}

  /**
   * Whether {@code region}'s strokes may end up too thick at 20 px. The region's estimate misses
   * the outline where the core meets the box's edges, and so errs on the thick side: regions it
   * passes are too thick only if {@link #apply}'s own measure agrees.
   */
  static boolean mayBeTooThick(InkRegion region) {
    return outputWidth(region.strokeWidth(), region.longerSide()) > MAX_OUTPUT_WIDTH;
  }

  /**
   * The region's ink, eroded if its strokes are too thick, else as it is; only for regions that
   * {@link #mayBeTooThick}.
   */
  static InkPatch apply(InkImage image, InkRegion region) {
    Diagnostics.InkBounds box = region.bounds();
    // A one-pixel margin of background, so that the core's whole outline is counted and ink
    // touching the box's edge is eroded from there.
    int width = box.width() + 2;
    int height = box.height() + 2;
    int[] depth = new int[width * height];
    int far = Integer.MAX_VALUE / 2;
    for (int y = 1; y <= box.height(); y++) {
      for (int x = 1; x <= box.width(); x++) {
        int value = image.at(box.x() - 1 + x, box.y() - 1 + y);
        depth[y * width + x] = value >= CORE_LEVEL ? far : 0;
      }
    }
    double longer = region.longerSide();
    double strokeWidth = coreWidth(depth, width);
    if (outputWidth(strokeWidth, longer) <= MAX_OUTPUT_WIDTH) {
      return new InkPatch(image.ink(), image.width(), box.x(), box.y(), box.width(), box.height());
    }
    // The digit shrinks by 2r with its strokes: solve (w - 2r) * 20 / (L - 2r) = target for r.
    double target = TARGET_OUTPUT_WIDTH;
    double radius =
        (DigitLayout.BOX * strokeWidth - target * longer) / (2 * DigitLayout.BOX - 2 * target);
    ChamferDistance.transform(depth, width, height);
    return erode(depth, width, height, radius);
  }

  private static double outputWidth(double strokeWidth, double longerSide) {
    return strokeWidth * DigitLayout.BOX / longerSide;
  }

  /**
   * The core's mean width, as {@link InkRegionFinder} estimates it but with the whole outline: area
   * over half the outline, with 4 / π for the outline's steps along slanted strokes. No core at
   * all, a faint speck of a digit, has nothing to erode: width 0.
   */
  private static double coreWidth(int[] core, int width) {
    long area = 0;
    long outline = 0;
    for (int i = width; i < core.length; i++) {
      boolean in = core[i] != 0;
      area += in ? 1 : 0;
      outline += (in != (core[i - 1] != 0) ? 1 : 0) + (in != (core[i - width] != 0) ? 1 : 0);
    }
    return outline == 0 ? 0 : 8 / Math.PI * area / outline;
  }

  private static InkPatch erode(int[] depth, int width, int height, double radius) {
    int deepest = 0;
    for (int d : depth) {
      deepest = Math.max(deepest, d);
    }
    // A blob rounder than the width estimate assumes must not vanish: its deepest pixel stays
    // inked.
    double kept = Math.min(radius, deepest / 3.0 - 0.5);
    byte[] ink = new byte[width * height];
    for (int i = 0; i < ink.length; i++) {
      // A pixel's centre lies depth - 0.5 px inside the core's edge, depth - 0.5 - kept inside
      // the eroded edge; the pixel is covered from half a pixel outside that edge to half inside.
      double coverage = depth[i] / 3.0 - kept;
      ink[i] = (byte) (coverage <= 0 ? 0 : coverage >= 1 ? 255 : (int) Math.round(coverage * 255));
    }
    return InkPatch.aroundInk(ink, width, height);
  }
}
