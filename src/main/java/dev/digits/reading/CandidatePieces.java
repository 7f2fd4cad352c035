package dev.digits.reading;

import dev.digits.preprocessing.InkPicture;
import java.util.ArrayList;
import java.util.List;

/**
 * Every candidate digit of a picture: each cluster cut into atoms at its {@link CutCandidates}, a
 * candidate for each run of neighbouring atoms no wider than a digit can be, and one for each pair
 * of neighbouring clusters that overlap or nearly touch (two strokes of one digit drawn apart).
 *
 * @param pieces the candidates
 * @param atoms how many atoms there are; a reading covers atoms 0 to {@code atoms - 1} in order
 */
record CandidatePieces(List<Piece> pieces, int atoms) {
  /** Runs of atoms wider than this share of the digits' height are never one digit. */
  static final double MAX_DIGIT_WIDTH = 1.5;

  /** Neighbouring clusters closer than this share of the shorter one's height may be one digit. */
  static final double NEAR = 0.1;

  static CandidatePieces of(List<Cluster> clusters, InkComponents components, InkPicture ink) {
    List<Piece> pieces = new ArrayList<>();
    int base = 0;
    int[] firstAtoms = new int[clusters.size()];
    for (int c = 0; c < clusters.size(); c++) {
      Cluster cluster = clusters.get(c);
      PixelBox box = cluster.box();
      double[][] clusterInk = CutCandidates.inkOf(cluster, components, ink);
      int height = CutCandidates.digitHeight(clusterInk);
      List<Cut> bounds = new ArrayList<>();
      bounds.add(Cut.straight(box.x()));
      bounds.addAll(CutCandidates.of(cluster, clusterInk, height));
      bounds.add(Cut.straight(box.right()));
      int last = bounds.size() - 1;
      for (int i = 0; i < last; i++) {
        for (int j = i + 1; j <= last; j++) {
          // Every atom is a candidate, so that some reading covers the cluster; a run of atoms
          // only when it is no wider than a digit can be: a wider one reads as "several digits"
          // at best, and would win when the true cuts are all missed. The whole cluster is
          // measured against its box, not its digits' estimated height, which a 7's long bar
          // can make far too low.
          double width = bounds.get(j).centre() - bounds.get(i).centre();
          boolean whole = i == 0 && j == last;
          double limit = MAX_DIGIT_WIDTH * (whole ? box.height() : height);
          if (j == i + 1 || width <= limit) {
            pieces.add(
                new Piece(cluster.labels(), box, bounds.get(i), bounds.get(j), base + i, base + j));
          }
        }
      }
      firstAtoms[c] = base;
      base += last;
    }
    for (int c = 0; c + 1 < clusters.size(); c++) {
      Cluster left = clusters.get(c);
      Cluster right = clusters.get(c + 1);
      int shorter = Math.min(left.box().height(), right.box().height());
      if (left.box().horizontalOverlap(right.box()) >= -NEAR * shorter) {
        Cluster both = left.merge(right);
        int end = c + 2 < clusters.size() ? firstAtoms[c + 2] : base;
        pieces.add(
            new Piece(
                both.labels(),
                both.box(),
                Cut.straight(both.box().x()),
                Cut.straight(both.box().right()),
                firstAtoms[c],
                end));
      }
    }
    return new CandidatePieces(List.copyOf(pieces), base);
  }
}
