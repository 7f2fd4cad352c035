package dev.digits.evaluation;

import dev.digits.model.Decision;
import dev.digits.model.DecisionRule;
import dev.digits.model.Prediction;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a {@link DecisionRule} does on a set of examples: how many it declines and why, and how
 * accurate it is when every decline counts as a mistake. The examples' ink size is not known (they
 * are 28 × 28 already), so "too small" never applies.
 *
 * @param count examples
 * @param declined examples declined
 * @param acceptedCorrect digit examples accepted and read correctly
 * @param byReason declines by reason
 */
public record Declines(
    int count, int declined, int acceptedCorrect, Map<Decision.Reason, Integer> byReason) {

  /** The rule's decisions on a result (at the temperature it holds). */
  public static Declines of(EvaluationResult result, DecisionRule rule) {
    int declined = 0;
    int acceptedCorrect = 0;
    Map<Decision.Reason, Integer> byReason = new EnumMap<>(Decision.Reason.class);
    for (int i = 0; i < result.count(); i++) {
      Decision decision = rule.decide(Calibrations.prediction(result, i), null);
      if (decision.accepted()) {
        if (result.predicted(i) == result.labels()[i]) {
          acceptedCorrect++;
        }
      } else {
        declined++;
        byReason.merge(decision.reason(), 1, Integer::sum);
      }
    }
    return new Declines(result.count(), declined, acceptedCorrect, Map.copyOf(byReason));
  }

  /** Share of the examples declined. */
  public double declinedShare() {
    return count == 0 ? Double.NaN : (double) declined / count;
  }

  /** Share of the examples accepted and read correctly: accuracy with declines as mistakes. */
  public double acceptedAccuracy() {
    return count == 0 ? Double.NaN : (double) acceptedCorrect / count;
  }

  /**
   * The area under the ROC curve of telling non-digits from digits by how strongly the network
   * would decline them (its decline probability; for a network without decline outputs, one minus
   * its best digit's probability): the chance that a random non-digit scores above a random digit.
   */
  public static double auroc(EvaluationResult digits, EvaluationResult nonDigits) {
    double[] negatives = scores(digits);
    double[] positives = scores(nonDigits);
    if (negatives.length == 0 || positives.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(negatives);
    double wins = 0;
    for (double score : positives) {
      int below = lowerBound(negatives, score);
      int notAbove = upperBound(negatives, score);
      wins += below + 0.5 * (notAbove - below);
    }
    return wins / ((double) negatives.length * positives.length);
  }

  private static double[] scores(EvaluationResult result) {
    double[] scores = new double[result.count()];
    for (int i = 0; i < scores.length; i++) {
      Prediction prediction = Calibrations.prediction(result, i);
      scores[i] =
          result.outputs() > 10 ? prediction.declineProbability() : 1 - prediction.confidence();
    }
    return scores;
  }

  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int upperBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
