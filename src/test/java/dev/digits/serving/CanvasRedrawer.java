package dev.digits.serving;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Re-draws an MNIST digit the way a person would draw it on the page's 280 × 280 canvas: at any
 * size, anywhere on the pad, with a round pen of any width, in the colours a browser exports.
 *
 * <p>The 28 × 28 glyph is enlarged smoothly (bicubic, × {@value #WORK_SCALE}), thresholded and
 * thinned to a one-pixel skeleton (Zhang–Suen): the path the writer's pen followed. Where the
 * glyph's ink is much wider than its strokes (a loop filled in, as many bold MNIST 8s and 9s have)
 * the core of that blob joins the path, so it stays filled instead of thinning to a line that would
 * turn an 8 into a 9. The path is then stroked with Java2D as a canvas strokes a path
 * (anti-aliased, round caps and joins) with the chosen pen width, scaled so the ink's box — pen
 * included — has the chosen longer side, at a random place fully inside the canvas. Every stroke
 * thus has one width, as on the page, whatever the pen pressure of the original.
 *
 * <p>Each digit's choices come from its own generator, seeded by the redrawer's seed and the
 * digit's index, so a drawing does not depend on the order or the threads that made it.
 */
final class CanvasRedrawer {
  /** Side of the canvas the page exports. */
  static final int SIDE = 280;

  /** Enlargement of the 28 × 28 glyph before it is thinned. */
  static final int WORK_SCALE = 8;

  /** The glyph's ink from which a pixel belongs to the stroke being thinned (MNIST's 0–1 scale). */
  private static final float STROKE_LEVEL = 0.45f;

  /**
   * Ink wider than this many times the glyph's typical stroke is a blob (a filled loop), kept
   * filled rather than thinned. 1.4 keeps MNIST's filled loops, 2 loses most of them; the lower the
   * factor, the more crossings get a small blot, as real ink does.
   */
  private static final double BLOB_WIDTH = 1.4;

  /** How the browser (or the person's screen) colours the drawing. */
  enum Style {
    /** {@code canvas.toDataURL()} of a canvas never filled: black ink on transparent, RGBA PNG. */
    TRANSPARENT,
    /** The page's own export: dark ink on white paper, opaque. */
    DARK_ON_LIGHT,
    /** A dark theme: light ink on dark paper, opaque. */
    LIGHT_ON_DARK
  }

  /**
   * What to draw: the range of the ink box's longer side and of the pen width, in canvas pixels.
   * The pen is drawn uniformly from the widths both limits allow at the chosen size.
   *
   * @param minSize smallest longer side of the ink box, pen included
   * @param maxSize largest longer side of the ink box, pen included (at most {@link #SIDE})
   * @param minStroke thinnest pen
   * @param maxStroke thickest pen
   * @param minStrokeShare thinnest pen as a share of the ink box's longer side
   * @param maxStrokeShare thickest pen as a share of the ink box's longer side
   */
  record Ranges(
      int minSize,
      int maxSize,
      double minStroke,
      double maxStroke,
      double minStrokeShare,
      double maxStrokeShare) {

    /**
     * Digits a person can read back: 60 px to nearly the whole canvas, pens from 3 px to 28 px but
     * at most a quarter of the digit's size. MNIST's own pens are about an eighth of the digit (2.5
     * of 20 px); at a quarter a 60 px digit is drawn with a 15 px pen, its loops half closed.
     */
    static final Ranges LEGIBLE = new Ranges(60, 272, 3, 28, 0, 0.25);

    /**
     * Pens too thick for the digit, from a quarter to 40 % of its size: a 60 px digit drawn with
     * the page's default pen (8 % of the pad, 22 px) is a blob whose loops are filled in.
     */
    static final Ranges TOO_THICK = new Ranges(60, 160, 15, 40, 0.25, 0.4);

    Ranges {
      if (minSize < 1 || maxSize > SIDE || minSize > maxSize) {
        throw new IllegalArgumentException("sizes must lie within the canvas: " + this);
      }
      // The pens that fit shrink to none at one end of the sizes, if anywhere: check both ends.
      for (int size : new int[] {minSize, maxSize}) {
        if (Math.max(minStroke, minStrokeShare * size)
            > Math.min(maxStroke, maxStrokeShare * size)) {
          throw new IllegalArgumentException("no pen fits a digit of " + size + " px: " + this);
        }
      }
    }
  }

  /**
   * One re-drawn digit.
   *
   * @param index the MNIST index it was drawn from
   * @param label its true digit
   * @param size the longer side of its ink box, pen included, in canvas pixels
   * @param stroke the pen width in canvas pixels
   * @param style the colours
   * @param image the canvas, 280 × 280
   */
  record Drawing(int index, int label, int size, double stroke, Style style, BufferedImage image) {
    byte[] png() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        ImageIO.write(image, "png", out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    /** The PNG as {@code canvas.toDataURL()} gives it. */
    String dataUrl() {
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png());
    }

    /** The pen's width as a share of the digit's size. */
    double strokeShare() {
      return stroke / size;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "#%d (a %d) %d px, pen %.1f px, %s", index, label, size, stroke, style);
    }
  }

  private final long seed;
  private final Ranges ranges;

  CanvasRedrawer(long seed, Ranges ranges) {
    this.seed = seed;
    this.ranges = ranges;
  }

  /**
   * Re-draws one MNIST image.
   *
   * @param index the image's index, which with the seed fixes every random choice
   * @param glyph 28 × 28 ink intensities in [0, 1]
   * @param label the true digit, carried along
   */
  Drawing redraw(int index, float[] glyph, int label) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    int size = random.nextInt(ranges.minSize(), ranges.maxSize() + 1);
    double minStroke = Math.max(ranges.minStroke(), ranges.minStrokeShare() * size);
    double maxStroke = Math.min(ranges.maxStroke(), ranges.maxStrokeShare() * size);
    double stroke = minStroke + random.nextDouble() * (maxStroke - minStroke);
    Style style = pickStyle(random);
    Skeleton skeleton = Skeleton.of(glyph);
    return new Drawing(
        index, label, size, stroke, style, render(skeleton, size, stroke, style, random));
  }

  /** Half the drawings as a bare canvas exports them, most of the rest the page's own way. */
  private static Style pickStyle(SplittableRandom random) {
    double pick = random.nextDouble();
    return pick < 0.5 ? Style.TRANSPARENT : pick < 0.8 ? Style.DARK_ON_LIGHT : Style.LIGHT_ON_DARK;
  }

  private static BufferedImage render(
      Skeleton skeleton, int size, double stroke, Style style, SplittableRandom random) {
    double span = Math.max(1, Math.max(skeleton.width(), skeleton.height()));
    double scale = (size - stroke) / span;
    double boxWidth = skeleton.width() * scale + stroke;
    double boxHeight = skeleton.height() * scale + stroke;
    double left = random.nextDouble() * (SIDE - boxWidth);
    double top = random.nextDouble() * (SIDE - boxHeight);
    double originX = left + stroke / 2 - skeleton.left() * scale;
    double originY = top + stroke / 2 - skeleton.top() * scale;

    BufferedImage image;
    Color ink;
    if (style == Style.TRANSPARENT) {
      image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
      ink = Color.BLACK;
    } else {
      image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
      boolean dark = style == Style.LIGHT_ON_DARK;
      Color paper = dark ? grey(random, 0x10, 0x30) : grey(random, 0xF0, 0xFF);
      ink = dark ? grey(random, 0xE0, 0xFF) : grey(random, 0x00, 0x20);
      Graphics2D fill = image.createGraphics();
      fill.setColor(paper);
      fill.fillRect(0, 0, SIDE, SIDE);
      fill.dispose();
    }
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(ink);
    g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(skeleton.path(originX, originY, scale));
    g.dispose();
    return image;
  }

  private static Color grey(SplittableRandom random, int from, int to) {
    int level = random.nextInt(from, to + 1);
    return new Color(level, level, level);
  }

  /**
   * The one-pixel-wide centre line of a glyph enlarged {@value #WORK_SCALE} times, with its bounds
   * in those enlarged pixels (pixel centres).
   */
  record Skeleton(boolean[] on, int side, int left, int top, int width, int height) {

    static Skeleton of(float[] glyph) {
      int side = 28 * WORK_SCALE;
      boolean[] stroke = threshold(enlarge(glyph), STROKE_LEVEL);
      boolean[] on = stroke.clone();
      thin(on, side);
      keepBlobs(stroke, on, side);
      int minX = side;
      int minY = side;
      int maxX = -1;
      int maxY = -1;
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          if (on[y * side + x]) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
        }
      }
      if (maxX < 0) {
        throw new IllegalArgumentException("the glyph has no stroke above " + STROKE_LEVEL);
      }
      return new Skeleton(on, side, minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * The skeleton as a path of one-pixel segments between 8-neighbours, mapped by {@code x' =
     * originX + x · scale}; a lone pixel becomes a dot.
     */
    Path2D path(double originX, double originY, double scale) {
      Path2D.Double path = new Path2D.Double();
      int[][] forward = {{1, 0}, {0, 1}, {1, 1}, {-1, 1}};
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          if (!on[y * side + x]) {
            continue;
          }
          double fromX = originX + x * scale;
          double fromY = originY + y * scale;
          boolean alone = true;
          for (int[] step : forward) {
            int nx = x + step[0];
            int ny = y + step[1];
            if (nx >= 0 && nx < side && ny < side && on[ny * side + nx]) {
              path.moveTo(fromX, fromY);
              path.lineTo(originX + nx * scale, originY + ny * scale);
              alone = false;
            }
          }
          if (alone && !hasBackwardNeighbour(x, y)) {
            path.moveTo(fromX, fromY);
            path.lineTo(fromX + 0.01, fromY);
          }
        }
      }
      return path;
    }

    private boolean hasBackwardNeighbour(int x, int y) {
      return (x > 0 && on[y * side + x - 1])
          || (y > 0 && on[(y - 1) * side + x])
          || (y > 0 && x > 0 && on[(y - 1) * side + x - 1])
          || (y > 0 && x + 1 < side && on[(y - 1) * side + x + 1]);
    }

    /**
     * Adds to the path the cores of the places where the glyph's ink is much wider than its
     * strokes: a loop the writer filled in, a stroke gone over twice. Thinning alone would turn a
     * filled loop of an 8 into a line, a 9; stroked with the pen these cores stay filled, as in the
     * glyph.
     */
    private static void keepBlobs(boolean[] stroke, boolean[] path, int side) {
      int[] distance = new int[stroke.length];
      int far = Integer.MAX_VALUE / 2;
      for (int i = 0; i < stroke.length; i++) {
        distance[i] = stroke[i] ? far : 0;
      }
      chamfer(distance, side, side);
      int[] along = new int[stroke.length];
      int count = 0;
      for (int i = 0; i < path.length; i++) {
        if (path[i]) {
          along[count++] = distance[i];
        }
      }
      if (count == 0) {
        return;
      }
      Arrays.sort(along, 0, count);
      // On the centre line the distance to the background is the stroke's half-width.
      double blob = BLOB_WIDTH * along[count / 2];
      for (int i = 0; i < path.length; i++) {
        if (distance[i] >= blob) {
          path[i] = true;
        }
      }
    }

    /** Chamfer (3-4) distances to the nearest zero, in thirds of a pixel, in place. */
    private static void chamfer(int[] d, int width, int height) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int i = y * width + x;
          int best = d[i];
          if (x > 0) {
            best = Math.min(best, d[i - 1] + 3);
          }
          if (y > 0) {
            best = Math.min(best, d[i - width] + 3);
            if (x > 0) {
              best = Math.min(best, d[i - width - 1] + 4);
            }
            if (x + 1 < width) {
              best = Math.min(best, d[i - width + 1] + 4);
            }
          }
          d[i] = best;
        }
      }
      for (int y = height - 1; y >= 0; y--) {
        for (int x = width - 1; x >= 0; x--) {
          int i = y * width + x;
          int best = d[i];
          if (x + 1 < width) {
            best = Math.min(best, d[i + 1] + 3);
          }
          if (y + 1 < height) {
            best = Math.min(best, d[i + width] + 3);
            if (x + 1 < width) {
              best = Math.min(best, d[i + width + 1] + 4);
            }
            if (x > 0) {
              best = Math.min(best, d[i + width - 1] + 4);
            }
          }
          d[i] = best;
        }
      }
    }

    /** Bicubic enlargement of the 28 × 28 glyph by {@link #WORK_SCALE}, as ink in [0, 1]. */
    private static float[] enlarge(float[] glyph) {
      BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      byte[] pixels = ((DataBufferByte) small.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (byte) Math.round(Math.max(0, Math.min(1, glyph[i])) * 255);
      }
      int side = 28 * WORK_SCALE;
      BufferedImage large = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = large.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(small, 0, 0, side, side, null);
      g.dispose();
      byte[] big = ((DataBufferByte) large.getRaster().getDataBuffer()).getData();
      float[] ink = new float[big.length];
      for (int i = 0; i < big.length; i++) {
        ink[i] = (big[i] & 0xFF) / 255f;
      }
      return ink;
    }

    private static boolean[] threshold(float[] ink, float level) {
      boolean[] on = new boolean[ink.length];
      for (int i = 0; i < ink.length; i++) {
        on[i] = ink[i] >= level;
      }
      return on;
    }

    /** Zhang–Suen thinning, in place: peels boundary pixels until a one-pixel line is left. */
    static void thin(boolean[] on, int side) {
      boolean[] remove = new boolean[on.length];
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int pass = 0; pass < 2; pass++) {
          int removed = 0;
          for (int y = 1; y < side - 1; y++) {
            for (int x = 1; x < side - 1; x++) {
              int i = y * side + x;
              if (!on[i]) {
                continue;
              }
              // Neighbours P2..P9 clockwise from north.
              boolean p2 = on[i - side];
              boolean p3 = on[i - side + 1];
              boolean p4 = on[i + 1];
              boolean p5 = on[i + side + 1];
              boolean p6 = on[i + side];
              boolean p7 = on[i + side - 1];
              boolean p8 = on[i - 1];
              boolean p9 = on[i - side - 1];
              int count = b(p2) + b(p3) + b(p4) + b(p5) + b(p6) + b(p7) + b(p8) + b(p9);
              if (count < 2 || count > 6) {
                continue;
              }
              int transitions =
                  t(p2, p3) + t(p3, p4) + t(p4, p5) + t(p5, p6) + t(p6, p7) + t(p7, p8) + t(p8, p9)
                      + t(p9, p2);
              if (transitions != 1) {
                continue;
              }
              boolean peel =
                  pass == 0
                      ? !(p2 && p4 && p6) && !(p4 && p6 && p8)
                      : !(p2 && p4 && p8) && !(p2 && p6 && p8);
              if (peel) {
                remove[i] = true;
                removed++;
              }
            }
          }
          if (removed > 0) {
            changed = true;
            for (int i = 0; i < on.length; i++) {
              if (remove[i]) {
                on[i] = false;
                remove[i] = false;
              }
            }
          }
        }
      }
    }

    private static int b(boolean value) {
      return value ? 1 : 0;
    }

    private static int t(boolean from, boolean to) {
      return !from && to ? 1 : 0;
    }
  }
}
