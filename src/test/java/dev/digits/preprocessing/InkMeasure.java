package dev.digits.preprocessing;

/** Measurements of a 28 × 28 output, computed independently of the code under test. */
final class InkMeasure {

  static final int SIDE = 28;

  private InkMeasure() {}

  static double mass(float[] pixels) {
    double mass = 0;
    for (float p : pixels) {
      mass += p;
    }
    return mass;
  }

  static double max(float[] pixels) {
    double max = 0;
    for (float p : pixels) {
      max = Math.max(max, p);
    }
    return max;
  }

  /** Centre of mass (x, y), pixel centres counted from 0. */
  static double[] centreOfMass(float[] pixels) {
    double mass = 0;
    double x = 0;
    double y = 0;
    for (int i = 0; i < pixels.length; i++) {
      mass += pixels[i];
      x += pixels[i] * (i % SIDE);
      y += pixels[i] * (i / SIDE);
    }
    return new double[] {x / mass, y / mass};
  }

  /** {width, height} of the box around pixels above {@code threshold}. */
  static int[] boxSize(float[] pixels, double threshold) {
    int left = SIDE;
    int right = -1;
    int top = SIDE;
    int bottom = -1;
    for (int i = 0; i < pixels.length; i++) {
      if (pixels[i] > threshold) {
        left = Math.min(left, i % SIDE);
        right = Math.max(right, i % SIDE);
        top = Math.min(top, i / SIDE);
        bottom = Math.max(bottom, i / SIDE);
      }
    }
    return new int[] {right - left + 1, bottom - top + 1};
  }

  static double meanAbsoluteDifference(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / a.length;
  }

  static double maxAbsoluteDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  /** An ASCII picture for assertion messages. */
  static String picture(float[] pixels) {
    StringBuilder s = new StringBuilder("\n");
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        float p = pixels[y * SIDE + x];
        s.append(p > 0.75 ? '#' : p > 0.4 ? '+' : p > 0.1 ? '.' : ' ');
      }
      s.append('\n');
    }
    return s.toString();
  }
}
