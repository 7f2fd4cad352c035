package dev.digits.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Evaluation results made up row by row, for tests of what is computed from them. */
final class SyntheticResults {
  private final int outputs;
  private final List<float[]> rows = new ArrayList<>();
  private final List<Integer> labels = new ArrayList<>();

  private SyntheticResults(int outputs) {
    this.outputs = outputs;
  }

  /** Rows of a network with the ten digits as outputs. */
  static SyntheticResults tenOutputs() {
    return new SyntheticResults(10);
  }

  /** Rows of a network with the two decline outputs as well. */
  static SyntheticResults twelveOutputs() {
    return new SyntheticResults(12);
  }

  /** One image labelled {@code label}, given {@code probabilities} (one per output). */
  SyntheticResults add(int label, float... probabilities) {
    if (probabilities.length != outputs) {
      throw new IllegalArgumentException(outputs + " probabilities, not " + probabilities.length);
    }
    rows.add(probabilities.clone());
    labels.add(label);
    return this;
  }

  /**
   * {@code count} images labelled {@code label}: {@code digit} at probability {@code p}, the rest
   * evenly over the other digits.
   */
  SyntheticResults repeat(int count, int label, int digit, double p) {
    for (int k = 0; k < count; k++) {
      float[] row = new float[outputs];
      for (int d = 0; d < 10; d++) {
        row[d] = (float) ((1 - p) / 9);
      }
      row[digit] = (float) p;
      add(label, row);
    }
    return this;
  }

  /** One image labelled {@code label} whose network gave {@code softmax(logits)}. */
  SyntheticResults logits(int label, double... logits) {
    double[] p = softmax(logits);
    float[] row = new float[p.length];
    for (int d = 0; d < p.length; d++) {
      row[d] = (float) p[d];
    }
    return add(label, row);
  }

  /**
   * {@code count} images whose true chances are {@code softmax(z)} for random logits z, labelled by
   * drawing from those chances, and answered by a network whose logits are {@code sharpness × z}:
   * calibrated at temperature {@code sharpness}.
   */
  static EvaluationResult calibratedAt(double sharpness, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SyntheticResults results = tenOutputs();
    for (int i = 0; i < count; i++) {
      double[] z = new double[10];
      int likely = random.nextInt(10);
      for (int d = 0; d < 10; d++) {
        z[d] = random.nextGaussian() + (d == likely ? 2 + 2 * random.nextDouble() : 0);
      }
      int label = draw(softmax(z), random);
      double[] sharpened = new double[10];
      for (int d = 0; d < 10; d++) {
        sharpened[d] = sharpness * z[d];
      }
      results.logits(label, sharpened);
    }
    return results.build();
  }

  EvaluationResult build() {
    int[] indices = new int[rows.size()];
    int[] labelArray = new int[rows.size()];
    float[] probabilities = new float[rows.size() * outputs];
    for (int i = 0; i < rows.size(); i++) {
      indices[i] = i;
      labelArray[i] = labels.get(i);
      System.arraycopy(rows.get(i), 0, probabilities, i * outputs, outputs);
    }
    return new EvaluationResult(indices, labelArray, probabilities, outputs);
  }

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int d = 0; d < z.length; d++) {
      p[d] = Math.exp(z[d] - max);
      sum += p[d];
    }
    for (int d = 0; d < z.length; d++) {
      p[d] /= sum;
    }
    return p;
  }

  private static int draw(double[] p, SplittableRandom random) {
    double u = random.nextDouble();
    for (int d = 0; d < p.length - 1; d++) {
      u -= p[d];
      if (u < 0) {
        return d;
      }
    }
    return p.length - 1;
  }
}
