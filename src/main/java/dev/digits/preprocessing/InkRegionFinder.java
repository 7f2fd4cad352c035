package dev.digits.preprocessing;

import java.util.Arrays;

/**
 * Finds the box around the digit, ignoring specks, and estimates its stroke width.
 *
 * <p>A pixel counts towards the box when its ink reaches a quarter of full ink and a 4-neighbour's
 * does too, so single-pixel noise is ignored. Then, in the row and column profiles of the counted
 * ink, a run of non-empty rows (or columns) separated from the rest by empty ones and holding under
 * 2 % of the ink is a speck or stray dot and is left out of the box. Both checks cost a few
 * operations per pixel; a full connected-component labelling would cost far more.
 *
 * <p>Stroke width: for a long stroke of width w, the area of its core (ink at least half) is about
 * w times its length and the core's outline about twice its length, so w ≈ 2 · area / outline. The
 * outline is counted along rows and columns, which overcounts a slanted edge by 4/π on average.
 */
final class InkRegionFinder {

  /** Ink from which a pixel belongs to the digit's box: a quarter of full ink. */
  static final int BOX_LEVEL = 64;

  private static final int CORE_LEVEL = 128;
  private static final double SPECK_SHARE = 0.02;
  private static final int MAX_REFINEMENTS = 4;

  private InkRegionFinder() {}

  static InkRegion find(InkImage image) throws PreprocessingException {
    int width = image.width();
    int height = image.height();
    byte[] ink = image.ink();
    long[] rowMass = new long[height];
    long[] columnMass = new long[width];
    accumulateProfiles(ink, width, height, 0, 0, width, height, rowMass, columnMass);
    Diagnostics.InkBounds bounds = trimSpecks(ink, width, height, rowMass, columnMass);
    return new InkRegion(bounds, strokeWidth(ink, width, bounds));
  }

  /** Adds the counted ink of each pixel in the given rectangle to its row's and column's mass. */
  private static void accumulateProfiles(
      byte[] ink,
      int width,
      int height,
      int left,
      int top,
      int right,
      int bottom,
      long[] rowMass,
      long[] columnMass) {
    for (int y = top; y < bottom; y++) {
      int row = y * width;
      long mass = 0;
      for (int x = left; x < right; x++) {
        int value = ink[row + x] & 0xFF;
        if (value >= BOX_LEVEL && hasInkedNeighbour(ink, width, height, x, y)) {
          mass += value;
          columnMass[x] += value;
        }
      }
      rowMass[y] += mass;
    }
  }

  private static double strokeWidth(byte[] ink, int width, Diagnostics.InkBounds box) {
    long coreArea = 0;
    long coreOutline = 0;
    int right = box.x() + box.width();
    int bottom = box.y() + box.height();
    for (int y = box.y(); y < bottom; y++) {
      int row = y * width;
      boolean leftIsCore = false;
      for (int x = box.x(); x < right; x++) {
        boolean core = (ink[row + x] & 0xFF) >= CORE_LEVEL;
        if (core) {
          coreArea++;
        }
        if (core != leftIsCore) {
          coreOutline++;
        }
        if (y > box.y() && core != (ink[row + x - width] & 0xFF) >= CORE_LEVEL) {
          coreOutline++;
        }
        leftIsCore = core;
      }
    }
    return coreArea == 0 || coreOutline == 0 ? 1 : 8 / Math.PI * coreArea / coreOutline;
  }

  private static Diagnostics.InkBounds trimSpecks(
      byte[] ink, int width, int height, long[] rowMass, long[] columnMass)
      throws PreprocessingException {
    int left = 0;
    int top = 0;
    int right = width;
    int bottom = height;
    for (int refinement = 0; refinement < MAX_REFINEMENTS; refinement++) {
      int[] columns = keptSpan(columnMass, left, right);
      int[] rows = keptSpan(rowMass, top, bottom);
      if (columns == null || rows == null) {
        throw PreprocessingException.noInk(
            "No digit found: the image is blank apart from isolated specks.");
      }
      boolean unchanged =
          columns[0] == left && columns[1] == right && rows[0] == top && rows[1] == bottom;
      left = columns[0];
      right = columns[1];
      top = rows[0];
      bottom = rows[1];
      if (unchanged) {
        break;
      }
      // Trimming columns changes the row profile and vice versa: recount inside the new box.
      Arrays.fill(rowMass, 0);
      Arrays.fill(columnMass, 0);
      accumulateProfiles(ink, width, height, left, top, right, bottom, rowMass, columnMass);
    }
    return new Diagnostics.InkBounds(left, top, right - left, bottom - top);
  }

  /**
   * The span from the first to the last kept run of non-zero entries in {@code profile[from, to)},
   * or null if all are zero. A run is kept if it holds at least 2 % of the mass or is the heaviest.
   */
  private static int[] keptSpan(long[] profile, int from, int to) {
    long total = 0;
    long heaviest = 0;
    int heaviestStart = -1;
    for (int i = from; i < to; ) {
      if (profile[i] == 0) {
        i++;
        continue;
      }
      int start = i;
      long mass = 0;
      while (i < to && profile[i] != 0) {
        mass += profile[i++];
      }
      total += mass;
      if (mass > heaviest) {
        heaviest = mass;
        heaviestStart = start;
      }
    }
    if (total == 0) {
      return null;
    }
    int first = -1;
    int last = -1;
    for (int i = from; i < to; ) {
      if (profile[i] == 0) {
        i++;
        continue;
      }
      int start = i;
      long mass = 0;
      while (i < to && profile[i] != 0) {
        mass += profile[i++];
      }
      if (mass >= SPECK_SHARE * total || start == heaviestStart) {
        first = first < 0 ? start : first;
        last = i;
      }
    }
    return new int[] {first, last};
  }

  private static boolean hasInkedNeighbour(byte[] ink, int width, int height, int x, int y) {
    int i = y * width + x;
    return (x > 0 && (ink[i - 1] & 0xFF) >= BOX_LEVEL)
        || (x + 1 < width && (ink[i + 1] & 0xFF) >= BOX_LEVEL)
        || (y > 0 && (ink[i - width] & 0xFF) >= BOX_LEVEL)
        || (y + 1 < height && (ink[i + width] & 0xFF) >= BOX_LEVEL);
  }
}
