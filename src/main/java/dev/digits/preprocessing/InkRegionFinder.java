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

  private static final double SPECK_SHARE = 0.02;
  private static final int MAX_REFINEMENTS = 4;

  /**
   * The two top bits of each of a word's eight bytes: set in a byte of {@value #BOX_LEVEL} or more.
   */
  private static final long BOX_LEVEL_BITS = 0xC0C0C0C0C0C0C0C0L;

  /** The top bit of each of a word's eight bytes. */
  private static final long TOP_BITS = 0x8080808080808080L;

  private InkRegionFinder() {}

  static InkRegion find(InkImage image) throws PreprocessingException {
    int width = image.width();
    int height = image.height();
    byte[] ink = image.ink();
    long[] rowMass = new long[height];
    long[] columnMass = new long[width];
    // Outside the content box every pixel holds the first pixel's ink; below the box level, as on
    // any canvas, none of them counts, and only the box needs looking at.
    ContentBox scan = (ink[0] & 0xFF) < BOX_LEVEL ? image.content() : ContentBox.all(width, height);
    accumulateProfiles(
        ink,
        width,
        height,
        scan.left(),
        scan.top(),
        scan.right(),
        scan.bottom(),
        rowMass,
        columnMass);
    Diagnostics.InkBounds bounds = trimSpecks(ink, width, height, rowMass, columnMass);
    return new InkRegion(bounds, strokeWidth(ink, width, bounds));
  }

  /** Adds the counted ink of each pixel in the given rectangle to its row's and column's mass. */
  static void accumulateProfiles(
      byte[] ink,
      int width,
      int height,
      int left,
      int top,
      int right,
      int bottom,
      long[] rowMass,
      long[] columnMass) {
    if (left >= right) {
      return;
    }
    for (int y = top; y < bottom; y++) {
      int row = y * width;
      long mass = 0;
      for (int x = left; x < right; x++) {
        if (x + 8 <= right) {
          long pixels = EightBytes.get(ink, row + x);
          // Most of the box is paper between strokes: skip eight pixels below the box level at
          // once.
          if ((pixels & BOX_LEVEL_BITS) == 0) {
            x += 7;
            continue;
          }
          // Inside a stroke all eight reach the box level, so each has a neighbour that does (the
          // next pixel in the word, or the one before): all count, with no neighbour to look up.
          if (((pixels | pixels << 1) & TOP_BITS) == TOP_BITS) {
            for (int k = 0; k < 8; k++, pixels >>>= 8) {
              int value = (int) pixels & 0xFF;
              mass += value;
              columnMass[x + k] += value;
            }
            x += 7;
            continue;
          }
        }
        int value = ink[row + x] & 0xFF;
        // Along a stroke the pixel before or after is inked, so the rows above and below are
        // rarely read.
        if (value >= BOX_LEVEL
            && ((x > 0 && (ink[row + x - 1] & 0xFF) >= BOX_LEVEL)
                || (x + 1 < width && (ink[row + x + 1] & 0xFF) >= BOX_LEVEL)
                || (y > 0 && (ink[row + x - width] & 0xFF) >= BOX_LEVEL)
                || (y + 1 < height && (ink[row + x + width] & 0xFF) >= BOX_LEVEL))) {
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
    // Core means ink ≥ 128, the byte's top bit: eight pixels at a time, the top bits of a word
    // counted, and compared with the word shifted by a pixel (left neighbours) and the word above.
    for (int y = box.y(); y < bottom; y++) {
      int row = y * width;
      int x = box.x();
      long left = 0;
      for (; x + 8 <= right; x += 8) {
        long pixels = EightBytes.get(ink, row + x);
        coreArea += Long.bitCount(pixels & TOP_BITS);
        coreOutline += Long.bitCount((pixels ^ (pixels << 8 | left >>> 56)) & TOP_BITS);
        if (y > box.y()) {
          coreOutline += Long.bitCount((pixels ^ EightBytes.get(ink, row + x - width)) & TOP_BITS);
        }
        left = pixels;
      }
      int leftCore = (int) (left >>> 63);
      for (; x < right; x++) {
        int core = (ink[row + x] >> 7) & 1;
        coreArea += core;
        coreOutline += core ^ leftCore;
        leftCore = core;
        if (y > box.y()) {
          coreOutline += ((ink[row + x] ^ ink[row + x - width]) >> 7) & 1;
        }
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
      // When only empty rows and columns fall away, a recount inside the new box would find the
      // same profiles and the same box again: the box is final.
      boolean settled =
          isZero(columnMass, left, columns[0])
              && isZero(columnMass, columns[1], right)
              && isZero(rowMass, top, rows[0])
              && isZero(rowMass, rows[1], bottom);
      left = columns[0];
      right = columns[1];
      top = rows[0];
      bottom = rows[1];
      if (settled) {
        break;
      }
      // Trimming columns changes the row profile and vice versa: recount inside the new box.
      Arrays.fill(rowMass, 0);
      Arrays.fill(columnMass, 0);
      accumulateProfiles(ink, width, height, left, top, right, bottom, rowMass, columnMass);
    }
    return new Diagnostics.InkBounds(left, top, right - left, bottom - top);
  }

  private static boolean isZero(long[] profile, int from, int to) {
    for (int i = from; i < to; i++) {
      if (profile[i] != 0) {
        return false;
      }
    }
    return true;
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
}
