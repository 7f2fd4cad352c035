package dev.digits.drawing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Paints a drawing the way the page's canvas paints it ({@code drawStrokes} in {@code canvas.js}):
 * anti-aliased, round caps and joins, each stroke a curve through the midpoints of its points
 * (quadratic segments with the points as control points), a one-point stroke a filled dot.
 */
public final class CanvasPainter {
  /** Side of the image the page exports: ten times MNIST's. */
  public static final int EXPORT_SIDE = 280;

  private CanvasPainter() {}

  /** Paper and ink colours. */
  public record Palette(Color paper, Color ink) {
    /** What the page exports: black ink on opaque white. */
    public static final Palette PAGE = new Palette(Color.WHITE, Color.BLACK);
  }

  /** The drawing on an opaque {@code side × side} canvas. */
  public static BufferedImage paint(Drawing drawing, int side, Palette palette) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(palette.paper());
      g.fillRect(0, 0, side, side);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(palette.ink());
      for (Stroke stroke : drawing.strokes()) {
        paint(g, stroke);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The drawing as the page exports it: {@value #EXPORT_SIDE} px, black on white. */
  public static BufferedImage paintAsExported(Drawing drawing) {
    return paint(drawing, EXPORT_SIDE, Palette.PAGE);
  }

  private static void paint(Graphics2D g, Stroke stroke) {
    double width = stroke.width();
    if (stroke.size() == 1) {
      g.fill(new Ellipse2D.Double(stroke.x(0) - width / 2, stroke.y(0) - width / 2, width, width));
      return;
    }
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path(stroke));
  }

  /** The curve canvas.js draws: through the midpoints, the points as control points. */
  static Path2D path(Stroke stroke) {
    Path2D.Double path = new Path2D.Double();
    int last = stroke.size() - 1;
    path.moveTo(stroke.x(0), stroke.y(0));
    for (int i = 1; i < last; i++) {
      path.quadTo(
          stroke.x(i),
          stroke.y(i),
          (stroke.x(i) + stroke.x(i + 1)) / 2,
          (stroke.y(i) + stroke.y(i + 1)) / 2);
    }
    path.lineTo(stroke.x(last), stroke.y(last));
    return path;
  }
}
