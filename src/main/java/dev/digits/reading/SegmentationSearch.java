package dev.digits.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the candidates that read the picture best: the run of pieces covering every atom, left to
 * right, whose digits' confidences have the largest product (dynamic programming over the atoms). A
 * cut through the middle of a digit leaves parts the model is unsure of or declines, and a piece
 * holding two digits is declined as several digits, so the product favours the true cuts.
 */
final class SegmentationSearch {
  /** Confidence given to a candidate that could not be read at all. */
  static final double FLOOR = 1e-6;

  /**
   * Each digit's confidence is weighed by this: when a digit's two strokes read as well apart as
   * together (a 4 as a 1 and a 4), one digit is the likelier reading.
   */
  static final double PER_DIGIT = 0.85;

  private SegmentationSearch() {}

  /**
   * The indices of the chosen pieces, left to right.
   *
   * @param confidences each piece's digit confidence, 0 for a piece with no ink
   */
  static List<Integer> best(List<Piece> pieces, double[] confidences, int atoms) {
    double[] score = new double[atoms + 1];
    int[] through = new int[atoms + 1];
    Arrays.fill(score, Double.NEGATIVE_INFINITY);
    Arrays.fill(through, -1);
    score[0] = 0;
    for (int end = 1; end <= atoms; end++) {
      for (int p = 0; p < pieces.size(); p++) {
        Piece piece = pieces.get(p);
        if (piece.endAtom() != end || score[piece.firstAtom()] == Double.NEGATIVE_INFINITY) {
          continue;
        }
        double candidate =
            score[piece.firstAtom()] + Math.log(PER_DIGIT * Math.max(FLOOR, confidences[p]));
        if (candidate > score[end]) {
          score[end] = candidate;
          through[end] = p;
        }
      }
    }
    List<Integer> chosen = new ArrayList<>();
    for (int atom = atoms; atom > 0; atom = pieces.get(through[atom]).firstAtom()) {
      chosen.add(0, through[atom]);
    }
    return chosen;
  }
}
