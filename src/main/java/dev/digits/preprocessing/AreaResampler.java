package dev.digits.preprocessing;

/**
 * Scales an {@link InkPatch} to a small size, separably. Shrinking averages exactly the source area
 * each output pixel covers, fractional edge pixels included: that keeps the ink's mass, so thin
 * strokes fade in proportion instead of vanishing between samples as with nearest-neighbour or a
 * single bilinear step. Enlarging (a digit under 20 px) interpolates linearly between pixel
 * centres.
 */
final class AreaResampler {

  private AreaResampler() {}

  /** Returns {@code outWidth × outHeight} ink values in [0, 1], row-major. */
  static float[] resample(InkPatch patch, int outWidth, int outHeight) {
    Weights across = Weights.of(patch.width(), outWidth);
    Weights down = Weights.of(patch.height(), outHeight);
    byte[] ink = patch.ink();
    int width = patch.width();
    // Columns first: the inner loop then runs along contiguous source rows.
    float[] rows = new float[outHeight * width];
    for (int o = 0; o < outHeight; o++) {
      int target = o * width;
      for (int k = down.offsets[o], j = down.first[o]; k < down.offsets[o + 1]; k++, j++) {
        float weight = down.weights[k] / 255f;
        int source = (patch.y() + j) * patch.stride() + patch.x();
        for (int x = 0; x < width; x++) {
          rows[target + x] += weight * (ink[source + x] & 0xFF);
        }
      }
    }
    float[] out = new float[outWidth * outHeight];
    for (int y = 0; y < outHeight; y++) {
      for (int o = 0; o < outWidth; o++) {
        float sum = 0;
        for (int k = across.offsets[o], j = across.first[o]; k < across.offsets[o + 1]; k++, j++) {
          sum += across.weights[k] * rows[y * width + j];
        }
        out[y * outWidth + o] = Math.min(1f, sum);
      }
    }
    return out;
  }

  /**
   * For each output index {@code o}: source indices from {@code first[o]} on, with weights {@code
   * weights[offsets[o]]} to {@code weights[offsets[o + 1] - 1]}, which add up to 1.
   */
  static final class Weights {
    final int[] first;
    final int[] offsets;
    final float[] weights;

    private Weights(int[] first, int[] offsets, float[] weights) {
      this.first = first;
      this.offsets = offsets;
      this.weights = weights;
    }

    static Weights of(int sourceLength, int outLength) {
      return sourceLength >= outLength
          ? area(sourceLength, outLength)
          : linear(sourceLength, outLength);
    }

    private static Weights area(int sourceLength, int outLength) {
      double scale = (double) sourceLength / outLength;
      int[] first = new int[outLength];
      int[] offsets = new int[outLength + 1];
      float[] weights = new float[sourceLength + outLength];
      int k = 0;
      for (int o = 0; o < outLength; o++) {
        double start = o * scale;
        double end = Math.min(sourceLength, (o + 1) * scale);
        first[o] = (int) Math.floor(start);
        offsets[o] = k;
        for (int j = first[o]; j < end; j++) {
          double covered = Math.min(end, j + 1) - Math.max(start, j);
          weights[k++] = (float) (covered / scale);
        }
      }
      offsets[outLength] = k;
      return new Weights(first, offsets, weights);
    }

    private static Weights linear(int sourceLength, int outLength) {
      double scale = (double) sourceLength / outLength;
      int[] first = new int[outLength];
      int[] offsets = new int[outLength + 1];
      float[] weights = new float[2 * outLength];
      int k = 0;
      for (int o = 0; o < outLength; o++) {
        double centre = Math.max(0, Math.min(sourceLength - 1, (o + 0.5) * scale - 0.5));
        int left = Math.min((int) Math.floor(centre), sourceLength - 1);
        double fraction = centre - left;
        first[o] = left;
        offsets[o] = k;
        weights[k++] = (float) (1 - fraction);
        if (fraction > 0) {
          weights[k++] = (float) fraction;
        }
      }
      offsets[outLength] = k;
      return new Weights(first, offsets, weights);
    }
  }
}
