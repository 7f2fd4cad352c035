package dev.digits.corpus;

import dev.digits.data.LabelledImages;
import dev.digits.drawing.Skeleton;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MNIST digits as pen paths: the 28 × 28 glyph enlarged smoothly, thresholded, thinned to its
 * centre lines and traced, so that it can be redrawn with any pen beside other digits.
 */
public final class MnistGlyphs {
  private static final int SCALE = 8;
  private static final float STROKE_LEVEL = 0.45f;
  private static final int PATH_STEP = 3;

  private final LabelledImages images;
  private final int[] indices;
  private final Map<Integer, List<double[][]>> cache = new ConcurrentHashMap<>();

  /** The glyphs of {@code images} at {@code indices} (e.g. a training split's). */
  public MnistGlyphs(LabelledImages images, int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("no MNIST images to draw from");
    }
    this.images = images;
    this.indices = indices.clone();
  }

  /** Number of glyphs to choose from. */
  public int size() {
    return indices.length;
  }

  /** The digit of glyph {@code i}. */
  public int label(int i) {
    return images.label(indices[i]);
  }

  /** The centre lines of glyph {@code i}, in enlarged pixels (y down); may be empty. */
  public List<double[][]> paths(int i) {
    return cache.computeIfAbsent(i, key -> trace(images.images().image(indices[key])));
  }

  static List<double[][]> trace(float[] glyph) {
    BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((DataBufferByte) small.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) Math.round(Math.max(0, Math.min(1, glyph[i])) * 255);
    }
    int side = 28 * SCALE;
    BufferedImage large = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = large.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(small, 0, 0, side, side, null);
    } finally {
      g.dispose();
    }
    byte[] big = ((DataBufferByte) large.getRaster().getDataBuffer()).getData();
    boolean[] mask = new boolean[big.length];
    int level = Math.round(STROKE_LEVEL * 255);
    for (int i = 0; i < big.length; i++) {
      mask[i] = (big[i] & 0xFF) >= level;
    }
    return Skeleton.centreLines(mask, side, side, PATH_STEP);
  }
}
