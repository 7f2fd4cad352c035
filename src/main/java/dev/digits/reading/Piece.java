package dev.digits.reading;

import java.util.BitSet;

/**
 * A candidate digit: the ink of the pieces in {@code labels} (all of it inside {@code within})
 * right of cut {@code left} and left of cut {@code right}. It covers the segmentation's atoms
 * {@code firstAtom} to {@code endAtom - 1}, the strips between neighbouring cut candidates.
 */
record Piece(BitSet labels, PixelBox within, Cut left, Cut right, int firstAtom, int endAtom) {

  boolean holds(int label, int x, int y) {
    return label != InkComponents.NONE && labels.get(label) && x >= left.at(y) && x < right.at(y);
  }
}
