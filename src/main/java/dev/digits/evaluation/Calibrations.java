package dev.digits.evaluation;

import dev.digits.model.DecisionRule;
import dev.digits.model.ModelMetadata;
import dev.digits.model.OutputClasses;
import dev.digits.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honest confidences and decisions, fitted on validation data: a temperature that makes "90 %"
 * right about 90 % of the time, and the thresholds of the {@link DecisionRule}, as high as
 * declining can go while costing at most a small, fixed share of the digits the network reads
 * correctly.
 *
 * <p>Temperature: the one value T minimizing the cross-entropy of {@code softmax(logits / T)} over
 * every validation example, non-digits included. Results hold probabilities at temperature 1; since
 * {@code log p} differs from the logits by one constant per image, any temperature can be applied
 * to them afterwards.
 */
public final class Calibrations {
  /** Bins of the expected calibration error, as is usual. */
  public static final int ECE_BINS = 15;

  /**
   * Of the MNIST validation digits read correctly, at most this share may be declined as not a
   * digit, and at most this share again as unsure: the test set counts every decline as a mistake.
   */
  static final double MNIST_BUDGET = 0.0008;

  /** The same for the held-out writers' pen digits, drawn in every style the page allows. */
  static final double PEN_BUDGET = 0.003;

  /** The unsure threshold is never set above this: a 90 % best digit is never unsure. */
  static final double MAX_UNSURE = 0.9;

  private Calibrations() {}

  /**
   * Fits the calibration of a model.
   *
   * @param mnist the MNIST validation digits, at temperature 1
   * @param pen the held-out writers' pen digits at temperature 1, or {@code null}
   * @param nonDigits validation non-digits at temperature 1, or {@code null}
   * @param declineOutputs whether the network has decline outputs
   */
  public static ModelMetadata.Calibration fit(
      EvaluationResult mnist,
      EvaluationResult pen,
      EvaluationResult nonDigits,
      boolean declineOutputs) {
    List<EvaluationResult> all = new ArrayList<>();
    all.add(mnist);
    if (pen != null) {
      all.add(pen);
    }
    if (nonDigits != null && declineOutputs) {
      all.add(nonDigits);
    }
    double temperature = fitTemperature(all);
    EvaluationResult mnistAt = atTemperature(mnist, temperature);
    EvaluationResult penAt = pen == null ? null : atTemperature(pen, temperature);
    double decline =
        declineOutputs
            ? Math.max(
                declineProbabilityThreshold(mnistAt, MNIST_BUDGET),
                penAt == null ? 0 : declineProbabilityThreshold(penAt, PEN_BUDGET))
            : Math.min(
                confidenceThreshold(mnistAt, MNIST_BUDGET),
                penAt == null ? 1 : confidenceThreshold(penAt, PEN_BUDGET));
    DecisionRule withoutUnsure = new DecisionRule(declineOutputs, decline, 0);
    double unsure =
        Math.min(
            MAX_UNSURE,
            Math.min(
                unsureThreshold(mnistAt, withoutUnsure, MNIST_BUDGET),
                penAt == null ? 1 : unsureThreshold(penAt, withoutUnsure, PEN_BUDGET)));
    DecisionRule rule = new DecisionRule(declineOutputs, decline, unsure);

    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("mnistEceBefore", expectedCalibrationError(mnist, ECE_BINS));
    figures.put("mnistEceAfter", expectedCalibrationError(mnistAt, ECE_BINS));
    figures.put("mnistDeclined", Declines.of(mnistAt, rule).declinedShare());
    figures.put("mnistAcceptedAccuracy", Declines.of(mnistAt, rule).acceptedAccuracy());
    if (penAt != null) {
      figures.put("penEceAfter", expectedCalibrationError(penAt, ECE_BINS));
      figures.put("penDeclined", Declines.of(penAt, rule).declinedShare());
      figures.put("penAcceptedAccuracy", Declines.of(penAt, rule).acceptedAccuracy());
    }
    if (nonDigits != null) {
      figures.put(
          "nonDigitsDeclined",
          Declines.of(atTemperature(nonDigits, temperature), rule).declinedShare());
    }
    return new ModelMetadata.Calibration(temperature, decline, unsure, figures);
  }

  /** The temperature minimizing the mean cross-entropy over all the results' examples. */
  public static double fitTemperature(List<EvaluationResult> results) {
    // The loss is convex in 1/T: a golden-section search over log T finds its minimum.
    double low = Math.log(0.25);
    double high = Math.log(8);
    double golden = (Math.sqrt(5) - 1) / 2;
    double a = high - golden * (high - low);
    double b = low + golden * (high - low);
    double lossA = meanLoss(results, Math.exp(a));
    double lossB = meanLoss(results, Math.exp(b));
    for (int i = 0; i < 60; i++) {
      if (lossA < lossB) {
        high = b;
        b = a;
        lossB = lossA;
        a = high - golden * (high - low);
        lossA = meanLoss(results, Math.exp(a));
      } else {
        low = a;
        a = b;
        lossA = lossB;
        b = low + golden * (high - low);
        lossB = meanLoss(results, Math.exp(b));
      }
    }
    return Math.exp((low + high) / 2);
  }

  private static double meanLoss(List<EvaluationResult> results, double temperature) {
    double sum = 0;
    int count = 0;
    for (EvaluationResult result : results) {
      EvaluationResult scaled = atTemperature(result, temperature);
      sum += scaled.meanLoss() * scaled.count();
      count += scaled.count();
    }
    return sum / count;
  }

  /** The same answers at another temperature: {@code softmax(log p / T)} per image. */
  public static EvaluationResult atTemperature(EvaluationResult result, double temperature) {
    int outputs = result.outputs();
    float[] probabilities = result.probabilities().clone();
    for (int offset = 0; offset < probabilities.length; offset += outputs) {
      double max = Double.NEGATIVE_INFINITY;
      double[] scaled = new double[outputs];
      for (int d = 0; d < outputs; d++) {
        scaled[d] = Math.log(Math.max(probabilities[offset + d], Float.MIN_VALUE)) / temperature;
        max = Math.max(max, scaled[d]);
      }
      double sum = 0;
      for (int d = 0; d < outputs; d++) {
        scaled[d] = Math.exp(scaled[d] - max);
        sum += scaled[d];
      }
      for (int d = 0; d < outputs; d++) {
        probabilities[offset + d] = (float) (scaled[d] / sum);
      }
    }
    return new EvaluationResult(result.indices(), result.labels(), probabilities, outputs);
  }

  /**
   * Expected calibration error of the best digit's probability over the digit examples: the
   * examples binned by that probability into {@code bins} equal ranges, each bin's gap between its
   * mean probability and its accuracy, weighted by its share of the examples.
   */
  public static double expectedCalibrationError(EvaluationResult result, int bins) {
    double error = 0;
    int total = 0;
    for (Reliability.Bin bin : Reliability.of(result, bins).bins()) {
      if (bin.count() > 0) {
        error += bin.count() * Math.abs(bin.meanConfidence() - bin.accuracy());
        total += bin.count();
      }
    }
    return total == 0 ? Double.NaN : error / total;
  }

  /**
   * The smallest decline probability at which declining costs at most {@code budget} of the
   * correctly read digits.
   */
  static double declineProbabilityThreshold(EvaluationResult result, double budget) {
    // Summed as the rule sums it (in float): a sum in double can round the other way, and the
    // threshold would then decline one correct digit more than the budget allows.
    double[] correct = correctValues(result, i -> prediction(result, i).declineProbability());
    Arrays.sort(correct);
    int allowed = (int) Math.floor(budget * correct.length);
    // Declined when ≥ threshold: just above the (allowed + 1)-th largest value.
    double value =
        correct.length == 0
            ? 0
            : correct[correct.length - 1 - Math.min(allowed, correct.length - 1)];
    return Math.min(1, Math.nextUp(value));
  }

  /** For a network without decline outputs: the confidence below which few correct digits fall. */
  static double confidenceThreshold(EvaluationResult result, double budget) {
    double[] correct = correctValues(result, i -> result.probability(i, result.predicted(i)));
    Arrays.sort(correct);
    int allowed = (int) Math.floor(budget * correct.length);
    // Declined when < threshold: the (allowed + 1)-th smallest value itself is kept.
    return correct.length == 0 ? 0 : correct[Math.min(allowed, correct.length - 1)];
  }

  /** The unsure threshold costing at most {@code budget} of the correct digits still accepted. */
  static double unsureThreshold(EvaluationResult result, DecisionRule declines, double budget) {
    List<Double> shares = new ArrayList<>();
    for (int i = 0; i < result.count(); i++) {
      Prediction prediction = prediction(result, i);
      if (result.predicted(i) == result.labels()[i]
          && declines.decide(prediction, null).accepted()) {
        double digits = 1 - prediction.declineProbability();
        shares.add(digits <= 0 ? 0 : prediction.confidence() / digits);
      }
    }
    shares.sort(null);
    int allowed = (int) Math.floor(budget * shares.size());
    return shares.isEmpty() ? 0 : shares.get(Math.min(allowed, shares.size() - 1));
  }

  /** Image {@code i}'s answer as a {@link Prediction}. */
  static Prediction prediction(EvaluationResult result, int i) {
    int outputs = result.outputs();
    return new Prediction(
        Arrays.copyOfRange(result.probabilities(), i * outputs, (i + 1) * outputs));
  }

  private static double[] correctValues(
      EvaluationResult result, java.util.function.IntToDoubleFunction value) {
    return java.util.stream.IntStream.range(0, result.count())
        .filter(i -> result.labels()[i] < OutputClasses.DIGITS)
        .filter(i -> result.predicted(i) == result.labels()[i])
        .mapToDouble(value)
        .toArray();
  }
}
