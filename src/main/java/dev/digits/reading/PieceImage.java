package dev.digits.reading;

import dev.digits.preprocessing.InkPicture;

/**
 * A candidate's ink cut out of the picture: only its own pieces' pixels, in its columns, on a blank
 * margin of one pixel, ready for {@link dev.digits.preprocessing.DigitPreprocessor#fromInk}.
 *
 * @param ink the cut-out ink
 * @param box where its stroke pixels lie in the picture
 */
record PieceImage(InkPicture ink, PixelBox box) {

  /** The piece's ink, or {@code null} when it holds no stroke pixel. */
  static PieceImage cut(Piece piece, InkComponents components, InkPicture picture) {
    int level = InkPicture.strokeLevel();
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = -1;
    int bottom = -1;
    PixelBox within = piece.within();
    for (int y = within.y(); y < within.bottom(); y++) {
      int from = Math.max(within.x(), piece.left().at(y));
      int to = Math.min(within.right(), piece.right().at(y));
      for (int x = from; x < to; x++) {
        if (piece.holds(components.label(x, y), x, y) && picture.at(x, y) >= level) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    if (right < 0) {
      return null;
    }
    PixelBox box = new PixelBox(left, top, right - left + 1, bottom - top + 1);
    int width = box.width() + 2;
    int height = box.height() + 2;
    byte[] ink = new byte[width * height];
    // The soft edge just outside the stroke pixels' box stays with the piece.
    for (int y = Math.max(0, top - 1); y <= Math.min(picture.height() - 1, bottom + 1); y++) {
      for (int x = Math.max(0, left - 1); x <= Math.min(picture.width() - 1, right + 1); x++) {
        if (piece.holds(components.label(x, y), x, y)) {
          ink[(y - top + 1) * width + (x - left + 1)] = (byte) picture.at(x, y);
        }
      }
    }
    return new PieceImage(InkPicture.of(width, height, ink), box);
  }
}
