package dev.digits.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Magnitudes of the weights of convolutions and dense layers (the ones L1 and L2 act on): how many
 * are near zero, and a histogram of log₁₀|w|.
 *
 * @param count number of weights
 * @param nearZeroFraction fraction with |w| below {@link #NEAR_ZERO}
 * @param absoluteSum Σ|w|, what the L1 penalty multiplies by its λ
 * @param squaredSum Σw², what the L2 penalty multiplies by its λ
 * @param histogramLowerBounds lower bound of log₁₀|w| of each bin; the first bin also holds smaller
 *     values and exact zeros, the last also larger ones
 * @param histogramCounts weights per bin
 */
public record WeightStatistics(
    long count,
    double nearZeroFraction,
    double absoluteSum,
    double squaredSum,
    double[] histogramLowerBounds,
    long[] histogramCounts) {

  /** Below this magnitude a weight counts as near zero. */
  public static final double NEAR_ZERO = 1e-3;

  private static final double LOG_MIN = -6;
  private static final double LOG_MAX = 1;
  private static final int BINS = 28;

  /** Statistics of the weights of an initialized block. */
  public static WeightStatistics of(Block block) {
    long count = 0;
    long nearZero = 0;
    double absoluteSum = 0;
    double squaredSum = 0;
    long[] counts = new long[BINS];
    double width = (LOG_MAX - LOG_MIN) / BINS;
    for (Parameter parameter : block.getParameters().values()) {
      if (parameter.getType() != Parameter.Type.WEIGHT) {
        continue;
      }
      for (float w : parameter.getArray().toFloatArray()) {
        double magnitude = Math.abs(w);
        count++;
        absoluteSum += magnitude;
        squaredSum += magnitude * magnitude;
        if (magnitude < NEAR_ZERO) {
          nearZero++;
        }
        double log = magnitude == 0 ? LOG_MIN : Math.log10(magnitude);
        int bin = (int) Math.floor((log - LOG_MIN) / width);
        counts[Math.max(0, Math.min(BINS - 1, bin))]++;
      }
    }
    double[] bounds = new double[BINS];
    for (int i = 0; i < BINS; i++) {
      bounds[i] = LOG_MIN + i * width;
    }
    return new WeightStatistics(
        count, count == 0 ? 0 : (double) nearZero / count, absoluteSum, squaredSum, bounds, counts);
  }

  /** The penalty λ₁·Σ|w| + λ₂·Σw² that these weights incur. */
  public double penalty(double l1, double l2) {
    return l1 * absoluteSum + l2 * squaredSum;
  }
}
