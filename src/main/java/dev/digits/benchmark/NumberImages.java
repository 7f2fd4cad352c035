package dev.digits.benchmark;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sets digit glyphs side by side into one image of a number, as a person writes it: the gap between
 * neighbours measured from ink to ink (so a touching pair really touches), each digit's baseline
 * drifting from the last, dark ink on white paper.
 */
public final class NumberImages {
  /** Blank paper around the number, in pixels. */
  static final int MARGIN = 20;

  /** Ink from which neighbours count as touching: the stroke's core, not its soft edge. */
  private static final int CORE = 128;

  private NumberImages() {}

  /**
   * The number's image.
   *
   * @param gaps the ink-to-ink gap before each glyph after the first, in pixels; −1 overlaps the
   *     strokes by a pixel so the neighbours touch
   * @param drops each glyph's top relative to the first's, in pixels
   */
  public static BufferedImage compose(List<DigitGlyph> glyphs, int[] gaps, int[] drops) {
    int[] lefts = new int[glyphs.size()];
    int[] tops = new int[glyphs.size()];
    int minTop = 0;
    int maxBottom = 0;
    for (int i = 0; i < glyphs.size(); i++) {
      tops[i] = i == 0 ? 0 : drops[i];
      minTop = Math.min(minTop, tops[i]);
      maxBottom = Math.max(maxBottom, tops[i] + glyphs.get(i).height());
    }
    int height = maxBottom - minTop;
    // Each row's rightmost core ink so far, to place the next glyph its gap away from it.
    int[] rightmost = new int[height];
    Arrays.fill(rightmost, Integer.MIN_VALUE / 2);
    int width = 0;
    for (int i = 0; i < glyphs.size(); i++) {
      DigitGlyph glyph = glyphs.get(i);
      int top = tops[i] - minTop;
      int left = 0;
      if (i > 0) {
        left = Integer.MIN_VALUE;
        for (int y = 0; y < glyph.height(); y++) {
          int first = firstCore(glyph, y);
          if (first >= 0 && rightmost[top + y] > Integer.MIN_VALUE / 2) {
            left = Math.max(left, rightmost[top + y] + 1 + gaps[i - 1] - first);
          }
        }
        if (left == Integer.MIN_VALUE) {
          // No row in common: set it after the widest extent so far.
          left = width + gaps[i - 1];
        }
      }
      lefts[i] = left;
      for (int y = 0; y < glyph.height(); y++) {
        for (int x = glyph.width() - 1; x >= 0; x--) {
          if (glyph.at(x, y) >= CORE) {
            rightmost[top + y] = Math.max(rightmost[top + y], left + x);
            break;
          }
        }
      }
      width = Math.max(width, left + glyph.width());
    }
    int minLeft = 0;
    for (int left : lefts) {
      minLeft = Math.min(minLeft, left);
    }
    int[] ink = new int[(width - minLeft) * height];
    int inkWidth = width - minLeft;
    for (int i = 0; i < glyphs.size(); i++) {
      DigitGlyph glyph = glyphs.get(i);
      for (int y = 0; y < glyph.height(); y++) {
        for (int x = 0; x < glyph.width(); x++) {
          int at = (tops[i] - minTop + y) * inkWidth + lefts[i] - minLeft + x;
          ink[at] = Math.max(ink[at], glyph.at(x, y));
        }
      }
    }
    BufferedImage image =
        new BufferedImage(inkWidth + 2 * MARGIN, height + 2 * MARGIN, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int ix = x - MARGIN;
        int iy = y - MARGIN;
        int value =
            ix >= 0 && iy >= 0 && ix < inkWidth && iy < height ? ink[iy * inkWidth + ix] : 0;
        int luma = 255 - value;
        image.getRaster().setSample(x, y, 0, luma);
      }
    }
    return image;
  }

  private static int firstCore(DigitGlyph glyph, int y) {
    for (int x = 0; x < glyph.width(); x++) {
      if (glyph.at(x, y) >= CORE) {
        return x;
      }
    }
    return -1;
  }

  /** The glyphs' labels as the number they write. */
  public static String number(List<DigitGlyph> glyphs) {
    List<String> digits = new ArrayList<>();
    glyphs.forEach(glyph -> digits.add(Integer.toString(glyph.label())));
    return String.join("", digits);
  }
}
