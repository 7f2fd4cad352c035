package dev.digits.reading;

import java.util.BitSet;

/**
 * A candidate digit: the ink of the pieces in {@code labels} between columns {@code from}
 * (inclusive) and {@code to} (exclusive). It covers the segmentation's atoms {@code firstAtom} to
 * {@code endAtom - 1}, the strips between neighbouring cut candidates.
 */
record Piece(BitSet labels, int from, int to, int firstAtom, int endAtom) {}
