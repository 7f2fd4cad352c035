package dev.digits.drawing;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Strokes in the order they were drawn.
 *
 * @param strokes at least one
 */
public record Drawing(List<Stroke> strokes) {
  public Drawing {
    if (strokes.isEmpty()) {
      throw new IllegalArgumentException("a drawing needs at least one stroke");
    }
    strokes = List.copyOf(strokes);
  }

  /** The box around the points, the pen's width not included. */
  public Rectangle2D centreLineBounds() {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Stroke stroke : strokes) {
      for (int i = 0; i < stroke.size(); i++) {
        minX = Math.min(minX, stroke.x(i));
        maxX = Math.max(maxX, stroke.x(i));
        minY = Math.min(minY, stroke.y(i));
        maxY = Math.max(maxY, stroke.y(i));
      }
    }
    return new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
  }

  /** The widest pen of any stroke. */
  public double widestPen() {
    return strokes.stream().mapToDouble(Stroke::width).max().orElseThrow();
  }

  /** This drawing with every point mapped by {@code transform}. */
  public Drawing transformed(AffineTransform transform) {
    return map(stroke -> stroke.transformed(transform));
  }

  /** This drawing with every stroke replaced by what {@code change} makes of it. */
  public Drawing map(UnaryOperator<Stroke> change) {
    List<Stroke> changed = new ArrayList<>(strokes.size());
    strokes.forEach(stroke -> changed.add(change.apply(stroke)));
    return new Drawing(changed);
  }

  /** This drawing followed by the strokes of {@code other}. */
  public Drawing plus(Drawing other) {
    List<Stroke> both = new ArrayList<>(strokes);
    both.addAll(other.strokes);
    return new Drawing(both);
  }
}
