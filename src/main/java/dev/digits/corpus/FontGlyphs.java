package dev.digits.corpus;

import dev.digits.drawing.Skeleton;
import dev.digits.io.Sha256;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Characters of the machine's fonts as pen paths: each glyph rendered large, thinned to its centre
 * lines and traced, so that any pen can redraw it as handwriting. The fonts are Debian's DejaVu
 * ({@code fonts-dejavu-core}) and Liberation ({@code fonts-liberation}) families, named file by
 * file so that the same packages give the same glyphs; their hashes go into a model's metadata.
 */
public final class FontGlyphs {
  /** Where Debian installs TrueType fonts. */
  public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/fonts/truetype");

  /**
   * The font files used, relative to the font directory: upright, bold and italic, three styles.
   */
  public static final List<String> FILES =
      List.of(
          "dejavu/DejaVuSans.ttf",
          "dejavu/DejaVuSans-Bold.ttf",
          "dejavu/DejaVuSansMono.ttf",
          "dejavu/DejaVuSerif.ttf",
          "dejavu/DejaVuSerif-Bold.ttf",
          "liberation/LiberationSans-Regular.ttf",
          "liberation/LiberationSans-Italic.ttf",
          "liberation/LiberationSerif-Regular.ttf",
          "liberation/LiberationSerif-Italic.ttf",
          "liberation/LiberationMono-Regular.ttf");

  private static final int CANVAS = 192;
  private static final float POINT_SIZE = 150f;
  private static final int PATH_STEP = 3;

  private final List<Font> fonts;
  private final Map<String, String> sha256;
  private final Map<String, List<double[][]>> cache = new ConcurrentHashMap<>();

  private FontGlyphs(List<Font> fonts, Map<String, String> sha256) {
    this.fonts = List.copyOf(fonts);
    this.sha256 = Map.copyOf(sha256);
  }

  /**
   * Loads the {@link #FILES} from {@code directory}.
   *
   * @throws IOException naming a missing or unreadable font file and the package that has it
   */
  public static FontGlyphs load(Path directory) throws IOException {
    List<Font> fonts = new ArrayList<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String name : FILES) {
      Path file = directory.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IOException(
            "font "
                + file
                + " not found: install Debian's fonts-dejavu-core and fonts-liberation (apt-get"
                + " install fonts-dejavu-core fonts-liberation)");
      }
      try {
        fonts.add(Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(POINT_SIZE));
      } catch (FontFormatException e) {
        throw new IOException("font " + file + " is not a TrueType font: " + e.getMessage(), e);
      }
      hashes.put(name, Sha256.hex(file));
    }
    return new FontGlyphs(fonts, hashes);
  }

  /** Number of fonts. */
  public int fontCount() {
    return fonts.size();
  }

  /** Font file → SHA-256, for provenance. */
  public Map<String, String> sha256() {
    return sha256;
  }

  /**
   * The centre lines of {@code text} in font {@code font}, in the glyph canvas's pixels (y down);
   * empty when the font draws nothing for it or lacks one of its characters.
   */
  public List<double[][]> paths(int font, String text) {
    return cache.computeIfAbsent(font + "\u0000" + text, key -> trace(fonts.get(font), text));
  }

  private static List<double[][]> trace(Font font, String text) {
    // A font draws a character it lacks as a box, which would be traced as a rectangle.
    if (font.canDisplayUpTo(text) >= 0) {
      return List.of();
    }
    FontRenderContext context = new FontRenderContext(null, true, true);
    GlyphVector glyphs = font.createGlyphVector(context, text);
    Rectangle2D bounds = glyphs.getVisualBounds();
    if (bounds.isEmpty()) {
      return List.of();
    }
    // Long texts are scaled down to fit; the margin keeps thinning away from the edges.
    double scale = Math.min(1, (CANVAS - 16) / Math.max(bounds.getWidth(), bounds.getHeight()));
    BufferedImage image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.translate(CANVAS / 2.0, CANVAS / 2.0);
      g.scale(scale, scale);
      g.translate(-bounds.getCenterX(), -bounds.getCenterY());
      g.fill(glyphs.getOutline());
    } finally {
      g.dispose();
    }
    byte[] grey = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    boolean[] mask = new boolean[grey.length];
    for (int i = 0; i < grey.length; i++) {
      mask[i] = (grey[i] & 0xFF) >= 128;
    }
    return Skeleton.centreLines(mask, CANVAS, CANVAS, PATH_STEP);
  }
}
