package dev.digits.preprocessing;

/**
 * MNIST's geometry: the digit's longer side scaled to 20 px, placed in a 28 × 28 field with its
 * centre of mass on pixel (14, 14), counting pixel centres from 0 (MNIST's own digits average 14.0
 * on both axes and all lie within half a pixel of it, so MNIST shifted by whole pixels).
 */
final class DigitLayout {

  static final int SIDE = 28;
  static final int BOX = 20;
  static final double CENTRE = 14.0;

  private DigitLayout() {}

  /** The scaled size of a {@code width × height} digit: longer side 20, aspect ratio kept. */
  static int[] scaledSize(int width, int height) {
    double scale = (double) BOX / Math.max(width, height);
    return new int[] {
      Math.max(1, Math.min(BOX, (int) Math.round(width * scale))),
      Math.max(1, Math.min(BOX, (int) Math.round(height * scale)))
    };
  }

  /**
   * Places a scaled digit so its centre of mass lands on (14, 14), shifting by whole pixels as
   * MNIST did (no interpolation blur), but never so far that ink would leave the field.
   */
  static float[] centreByMass(float[] digit, int width, int height) {
    double mass = 0;
    double sumX = 0;
    double sumY = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double m = digit[y * width + x];
        mass += m;
        sumX += m * x;
        sumY += m * y;
      }
    }
    double centreX = mass > 0 ? sumX / mass : (width - 1) / 2.0;
    double centreY = mass > 0 ? sumY / mass : (height - 1) / 2.0;
    int left = clamp((int) Math.round(CENTRE - centreX), 0, SIDE - width);
    int top = clamp((int) Math.round(CENTRE - centreY), 0, SIDE - height);
    float[] field = new float[SIDE * SIDE];
    for (int y = 0; y < height; y++) {
      System.arraycopy(digit, y * width, field, (top + y) * SIDE + left, width);
    }
    return field;
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
