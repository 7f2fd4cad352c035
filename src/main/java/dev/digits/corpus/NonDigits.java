package dev.digits.corpus;

import dev.digits.data.PenDigit;
import dev.digits.drawing.Drawing;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates drawings that are not one digit, of every {@link NonDigitKind}: glyphs of the machine's
 * fonts redrawn as pen strokes, random pen movements, dots, lines, shapes, several real digits side
 * by side, and the held-out doodles and words. Each drawing is placed on the page's canvas in a
 * random {@link PenStyle}, like the pen digits it is trained beside.
 *
 * <p>Letters and symbols that people write like digits are left out (O, I, l, S, Z, B, G, b, g, q,
 * y, and the like): declining them would teach the network to decline real digits.
 */
public final class NonDigits {
  /** Letters that do not look like a digit. */
  static final String LETTERS = "ACEFHKLMNPRTUVWXYacdefhkmnprtuvwxλπΣΩψΔΓ";

  /** Symbols that do not look like a digit. */
  static final String SYMBOLS = "+=#%@*?!<>~^€£×÷¶§";

  /** Letters words are made of (held out). */
  static final String WORD_LETTERS = "acdefhkmnprtuvwx";

  private final FontGlyphs fonts;
  private final List<PenDigit> penDigits;
  private final MnistGlyphs mnistGlyphs;
  private final PenStyle style;

  /**
   * @param fonts the glyphs letters, symbols and words are drawn from
   * @param penDigits the real digits that several-digit drawings are made of (pen-written)
   * @param mnistGlyphs more real digits for them (MNIST's, redrawn)
   * @param style how drawings are put on the canvas
   */
  public NonDigits(
      FontGlyphs fonts, List<PenDigit> penDigits, MnistGlyphs mnistGlyphs, PenStyle style) {
    if (penDigits.isEmpty()) {
      throw new IllegalArgumentException("several-digit drawings need pen digits to draw from");
    }
    this.fonts = fonts;
    this.penDigits = List.copyOf(penDigits);
    this.mnistGlyphs = mnistGlyphs;
    this.style = style;
  }

  /** A drawing of {@code kind}, every choice drawn from {@code random}. */
  public Drawing draw(NonDigitKind kind, SplittableRandom random) {
    if (kind == NonDigitKind.DOT) {
      return dots(random);
    }
    List<double[][]> paths =
        switch (kind) {
          case LETTER -> glyph(LETTERS, random);
          case SYMBOL -> glyph(SYMBOLS, random);
          case SCRIBBLE -> Scribbles.any(random);
          case LINE -> Lines.any(random);
          case SHAPE -> Shapes.any(random);
          case STROKES -> Scribbles.strokes(random);
          case SEVERAL_DIGITS -> severalDigits(random);
          case DOODLE -> Doodles.any(random);
          case WORD -> word(random);
          case DOT -> throw new AssertionError("drawn above");
        };
    return style.place(paths, random);
  }

  private List<double[][]> glyph(String characters, SplittableRandom random) {
    while (true) {
      int font = random.nextInt(fonts.fontCount());
      int at = random.nextInt(characters.codePointCount(0, characters.length()));
      int codePoint = characters.codePoints().skip(at).findFirst().orElseThrow();
      List<double[][]> paths = fonts.paths(font, new String(Character.toChars(codePoint)));
      if (!paths.isEmpty()) {
        return paths;
      }
    }
  }

  private List<double[][]> word(SplittableRandom random) {
    int length = random.nextInt(2, 5);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < length; i++) {
      word.append(WORD_LETTERS.charAt(random.nextInt(WORD_LETTERS.length())));
    }
    return fonts.paths(random.nextInt(fonts.fontCount()), word.toString());
  }

  /** One to four dots, each a one-point stroke, with one pen. */
  private Drawing dots(SplittableRandom random) {
    int count = random.nextDouble() < 0.6 ? 1 : random.nextInt(2, 5);
    List<double[][]> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      paths.add(new double[][] {{random.nextDouble() * 4}, {random.nextDouble() * 1.5}});
    }
    double pen = 3 + random.nextDouble() * 36;
    int size = count == 1 ? (int) Math.ceil(pen) : random.nextInt((int) Math.ceil(pen), 200);
    return style.placeAt(paths, Math.min(size, 272), pen, random);
  }

  /**
   * Two or three real digits side by side, each at its own size and height, from far apart to
   * touching and overlapping a little.
   */
  private List<double[][]> severalDigits(SplittableRandom random) {
    int count = random.nextDouble() < 0.65 ? 2 : 3;
    List<double[][]> all = new ArrayList<>();
    double right = 0;
    for (int i = 0; i < count; i++) {
      List<double[][]> digit = realDigit(random);
      Rectangle2D box = PenStyle.bounds(digit);
      double height = 1 + (random.nextDouble() - 0.5) * 0.4;
      double scale = height / Math.max(1e-9, box.getHeight());
      double width = Math.max(box.getWidth() * scale, 0.15);
      double gap = i == 0 ? 0 : (-0.15 + random.nextDouble() * 0.85) * 0.6;
      double left = right + gap;
      double top = (random.nextDouble() - 0.5) * 0.3;
      for (double[][] path : digit) {
        int n = path[0].length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
          xs[k] = left + (path[0][k] - box.getMinX()) * scale;
          ys[k] = top + (path[1][k] - box.getMinY()) * scale;
        }
        all.add(new double[][] {xs, ys});
      }
      right = left + width;
    }
    return all;
  }

  private List<double[][]> realDigit(SplittableRandom random) {
    if (mnistGlyphs != null && random.nextDouble() < 0.4) {
      List<double[][]> paths = mnistGlyphs.paths(random.nextInt(mnistGlyphs.size()));
      if (!paths.isEmpty()) {
        return paths;
      }
    }
    return PenDigitDrawings.paths(penDigits.get(random.nextInt(penDigits.size())));
  }
}
