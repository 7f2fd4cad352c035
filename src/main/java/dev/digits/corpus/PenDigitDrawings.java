package dev.digits.corpus;

import dev.digits.data.PenDigit;
import dev.digits.drawing.Drawing;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Pen digits replayed on the page's canvas, as a person's strokes would be. */
public final class PenDigitDrawings {
  private PenDigitDrawings() {}

  /** The digit's trajectories as paths with y growing downwards, as on a canvas. */
  public static List<double[][]> paths(PenDigit digit) {
    List<double[][]> paths = new ArrayList<>(digit.strokes().size());
    for (PenDigit.PenStroke stroke : digit.strokes()) {
      double[] xs = new double[stroke.size()];
      double[] ys = new double[stroke.size()];
      for (int i = 0; i < stroke.size(); i++) {
        xs[i] = stroke.x(i);
        ys[i] = -stroke.y(i);
      }
      paths.add(new double[][] {xs, ys});
    }
    return paths;
  }

  /** The digit drawn on the canvas in a style drawn from {@code random}. */
  public static Drawing draw(PenDigit digit, PenStyle style, SplittableRandom random) {
    return style.place(paths(digit), random);
  }
}
