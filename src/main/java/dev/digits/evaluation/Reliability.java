package dev.digits.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How often the best digit is right, against the probability given it: the examples binned by that
 * probability into equal ranges. The diagram of a well calibrated model lies on the diagonal.
 *
 * @param bins the bins, lowest probability first
 */
public record Reliability(List<Bin> bins) {

  /**
   * One range of probabilities.
   *
   * @param from the range's lower end
   * @param to its upper end
   * @param count digits whose best probability fell in it
   * @param meanConfidence their mean best probability ({@code NaN} when empty)
   * @param accuracy the share of them read correctly ({@code NaN} when empty)
   */
  public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

  /** The reliability of the digit examples (labels 0–9) of a result, in {@code bins} bins. */
  public static Reliability of(EvaluationResult result, int bins) {
    int[] counts = new int[bins];
    double[] confidence = new double[bins];
    int[] correct = new int[bins];
    for (int i = 0; i < result.count(); i++) {
      int label = result.labels()[i];
      if (label >= 10) {
        continue;
      }
      int predicted = result.predicted(i);
      double p = result.probability(i, predicted);
      int bin = Math.min(bins - 1, (int) (p * bins));
      counts[bin]++;
      confidence[bin] += p;
      if (predicted == label) {
        correct[bin]++;
      }
    }
    List<Bin> list = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      list.add(
          new Bin(
              (double) b / bins,
              (double) (b + 1) / bins,
              counts[b],
              counts[b] == 0 ? Double.NaN : confidence[b] / counts[b],
              counts[b] == 0 ? Double.NaN : (double) correct[b] / counts[b]));
    }
    return new Reliability(List.copyOf(list));
  }
}
