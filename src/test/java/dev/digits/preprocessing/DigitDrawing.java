package dev.digits.preprocessing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Draws test digits the way a browser canvas does: anti-aliased strokes with round caps. */
final class DigitDrawing {

  enum Shape {
    SEVEN,
    ONE,
    ZERO
  }

  private DigitDrawing() {}

  /** An ARGB canvas filled with {@code background}, or transparent black when it is null. */
  static BufferedImage canvas(int width, int height, Color background) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    if (background != null) {
      Graphics2D g = image.createGraphics();
      g.setColor(background);
      g.fillRect(0, 0, width, height);
      g.dispose();
    }
    return image;
  }

  /**
   * Draws {@code shape} with its path spanning {@code box}; the stroke adds half its width around.
   */
  static BufferedImage draw(
      BufferedImage image, Shape shape, Rectangle2D box, float strokeWidth, Color ink) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(ink);
    g.setStroke(new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double x = box.getX();
    double y = box.getY();
    double w = box.getWidth();
    double h = box.getHeight();
    switch (shape) {
      case SEVEN -> {
        Path2D.Double seven = new Path2D.Double();
        seven.moveTo(x, y);
        seven.lineTo(x + w, y);
        seven.lineTo(x + 0.35 * w, y + h);
        g.draw(seven);
      }
      case ONE -> g.draw(new Line2D.Double(x + w / 2, y, x + w / 2, y + h));
      case ZERO -> g.draw(new Ellipse2D.Double(x, y, w, h));
    }
    g.dispose();
    return image;
  }

  /** A white canvas with one black digit: the commonest input. */
  static BufferedImage blackOnWhite(int side, Shape shape, Rectangle2D box, float strokeWidth) {
    return draw(canvas(side, side, Color.WHITE), shape, box, strokeWidth, Color.BLACK);
  }

  static byte[] png(BufferedImage image) {
    return encode(image, "png");
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException(
            "no ImageIO writer for " + format + " and " + image.getType());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A baseline JPEG of the image's colours (alpha dropped) at the given quality, 0 to 1. */
  static byte[] jpeg(BufferedImage image, float quality) {
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  static String dataUrl(String mediaType, byte[] data) {
    return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(data);
  }
}
