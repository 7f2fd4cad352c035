package dev.digits.preprocessing;

/**
 * Thickens strokes that scaling to 20 px would thin out of MNIST's range. A 1 px line across a 500
 * px digit would end up a twentieth of a pixel wide, a faint smear the model has never seen;
 * MNIST's strokes are about 2.5 px wide (and fewer than 1 % narrower than 1.4 px, measured the same
 * way). Strokes that would end up narrower than {@value #MIN_OUTPUT_WIDTH} px are dilated by a disc
 * so that they end up {@value #TARGET_OUTPUT_WIDTH} px wide. Strokes far too thick are {@link
 * StrokeThinner}'s.
 *
 * <p>The disc dilation uses a 3-4 {@link ChamferDistance} (two passes, whatever the radius) and
 * gives the new edge a one-pixel anti-aliased ramp.
 */
final class StrokeThickener {

  static final double MIN_OUTPUT_WIDTH = 1.25;
  static final double TARGET_OUTPUT_WIDTH = 2.0;

  private StrokeThickener() {}

  static InkPatch apply(InkImage image, InkRegion region) {
    Diagnostics.InkBounds box = region.bounds();
    InkPatch plain =
        new InkPatch(image.ink(), image.width(), box.x(), box.y(), box.width(), box.height());
    double longer = region.longerSide();
    double width = region.strokeWidth();
    double scale = DigitLayout.BOX / longer;
    if (width * scale >= MIN_OUTPUT_WIDTH) {
      return plain;
    }
    // The digit grows by 2r along with its strokes: solve (w + 2r) * 20 / (L + 2r) = target for r.
    double target = TARGET_OUTPUT_WIDTH;
    double radius =
        (target * longer - DigitLayout.BOX * width) / (2 * DigitLayout.BOX - 2 * target);
    return dilate(image, box, radius);
  }

  private static InkPatch dilate(InkImage image, Diagnostics.InkBounds box, double radius) {
    int margin = (int) Math.ceil(radius) + 1;
    int width = box.width() + 2 * margin;
    int height = box.height() + 2 * margin;
    byte[] ink = new byte[width * height];
    int[] distance = new int[width * height];
    int far = Integer.MAX_VALUE / 2;
    for (int y = 0; y < height; y++) {
      int sourceY = box.y() - margin + y;
      for (int x = 0; x < width; x++) {
        int sourceX = box.x() - margin + x;
        // Only the box seeds the dilation: specks left out of it must not grow back in.
        boolean inBox =
            sourceX >= box.x()
                && sourceY >= box.y()
                && sourceX < box.x() + box.width()
                && sourceY < box.y() + box.height();
        int value = inBox ? image.at(sourceX, sourceY) : 0;
        ink[y * width + x] = (byte) value;
        distance[y * width + x] = value >= InkRegionFinder.BOX_LEVEL ? 0 : far;
      }
    }
    ChamferDistance.transform(distance, width, height);
    for (int i = 0; i < ink.length; i++) {
      double coverage = radius + 0.5 - distance[i] / 3.0;
      int grown = coverage <= 0 ? 0 : coverage >= 1 ? 255 : (int) Math.round(coverage * 255);
      ink[i] = (byte) Math.max(ink[i] & 0xFF, grown);
    }
    return InkPatch.aroundInk(ink, width, height);
  }
}
