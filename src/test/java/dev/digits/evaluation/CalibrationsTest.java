package dev.digits.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.digits.model.Decision;
import dev.digits.model.DecisionRule;
import dev.digits.model.ModelMetadata;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalibrationsTest {
  @ParameterizedTest(name = "temperature {0}")
  @ValueSource(doubles = {0.6, 1, 2.5})
  void fitTemperatureRecoversTheTemperatureOfSyntheticLogits(double temperature) {
    EvaluationResult result = SyntheticResults.calibratedAt(temperature, 6000, 31);

    double fitted = Calibrations.fitTemperature(List.of(result));

    assertThat(fitted).isCloseTo(temperature, within(0.08 * temperature));
  }

  @Test
  void fitTemperatureWeighsEveryExampleOfEveryResult() {
    EvaluationResult first = SyntheticResults.calibratedAt(2, 3000, 1);
    EvaluationResult second = SyntheticResults.calibratedAt(2, 3000, 2);

    assertThat(Calibrations.fitTemperature(List.of(first, second))).isCloseTo(2, within(0.16));
  }

  @Test
  void atTemperatureOneChangesNothing() {
    EvaluationResult result = SyntheticResults.calibratedAt(1.7, 200, 4);

    EvaluationResult same = Calibrations.atTemperature(result, 1);

    assertClose(same, result, 1e-6);
    assertThat(same.labels()).isEqualTo(result.labels());
    assertThat(same.indices()).isEqualTo(result.indices());
  }

  @Test
  void temperaturesCompose() {
    EvaluationResult result = SyntheticResults.calibratedAt(1.7, 200, 5);

    EvaluationResult twice = Calibrations.atTemperature(Calibrations.atTemperature(result, 2), 1.5);

    assertClose(twice, Calibrations.atTemperature(result, 3), 1e-5);
  }

  @Test
  void aTemperatureKeepsTheAnswersAndSoftensOrSharpensThem() {
    EvaluationResult result = SyntheticResults.calibratedAt(1, 300, 6);

    EvaluationResult soft = Calibrations.atTemperature(result, 2);
    EvaluationResult sharp = Calibrations.atTemperature(result, 0.5);

    for (int i = 0; i < result.count(); i++) {
      int answer = result.predicted(i);
      assertThat(soft.predicted(i)).isEqualTo(answer);
      assertThat(sharp.predicted(i)).isEqualTo(answer);
      assertThat(soft.probability(i, answer)).isLessThanOrEqualTo(result.probability(i, answer));
      assertThat(sharp.probability(i, answer))
          .isGreaterThanOrEqualTo(result.probability(i, answer));
      float sum = 0;
      for (int d = 0; d < 10; d++) {
        sum += soft.probability(i, d);
      }
      assertThat(sum).isCloseTo(1f, within(1e-5f));
    }
  }

  @Test
  void eceIsZeroWhenEveryConfidenceIsTheAccuracyOfItsBin() {
    SyntheticResults results = SyntheticResults.tenOutputs();
    // In each bin, confidence c and exactly c of the examples right.
    double[] confidences = {0.3, 0.5, 0.7, 0.9};
    for (double c : confidences) {
      int right = (int) Math.round(c * 100);
      results.repeat(right, 4, 4, c).repeat(100 - right, 2, 4, c);
    }

    assertThat(Calibrations.expectedCalibrationError(results.build(), Calibrations.ECE_BINS))
        .isCloseTo(0, within(1e-6));
  }

  @Test
  void eceIsSmallForLabelsDrawnFromTheConfidencesThemselves() {
    EvaluationResult calibrated = SyntheticResults.calibratedAt(1, 20_000, 8);

    assertThat(Calibrations.expectedCalibrationError(calibrated, Calibrations.ECE_BINS))
        .isLessThan(0.015);
  }

  @Test
  void eceIsTheGapOfAnOverconfidentModel() {
    // 99 % sure, right 70 % of the time.
    EvaluationResult overconfident =
        SyntheticResults.tenOutputs().repeat(70, 1, 1, 0.99).repeat(30, 7, 1, 0.99).build();

    assertThat(Calibrations.expectedCalibrationError(overconfident, Calibrations.ECE_BINS))
        .isCloseTo(0.29, within(1e-6));
    EvaluationResult sharpened = SyntheticResults.calibratedAt(3, 5000, 9);
    assertThat(Calibrations.expectedCalibrationError(sharpened, Calibrations.ECE_BINS))
        .isGreaterThan(0.1);
  }

  @Test
  void eceWeighsBinsByTheirExamples() {
    // 30 at 0.95, all right (gap 0.05); 10 at 0.55, 3 right (gap 0.25): (30 × 0.05 + 10 × 0.25) /
    // 40.
    EvaluationResult result =
        SyntheticResults.tenOutputs()
            .repeat(30, 0, 0, 0.95)
            .repeat(3, 5, 5, 0.55)
            .repeat(7, 6, 5, 0.55)
            .build();

    assertThat(Calibrations.expectedCalibrationError(result, Calibrations.ECE_BINS))
        .isCloseTo((30 * 0.05 + 10 * 0.25) / 40, within(1e-6));
  }

  @Test
  void eceCountsOnlyTheDigits() {
    SyntheticResults digits =
        SyntheticResults.twelveOutputs().repeat(70, 1, 1, 0.9).repeat(30, 2, 1, 0.9);
    double before = Calibrations.expectedCalibrationError(digits.build(), Calibrations.ECE_BINS);

    digits.repeat(50, 10, 3, 0.99).repeat(50, 11, 4, 0.2);

    assertThat(Calibrations.expectedCalibrationError(digits.build(), Calibrations.ECE_BINS))
        .isEqualTo(before);
    assertThat(
            Calibrations.expectedCalibrationError(
                SyntheticResults.twelveOutputs().repeat(5, 10, 3, 0.9).build(), 15))
        .as("no digits, no error to measure")
        .isNaN();
  }

  @ParameterizedTest(name = "budget {0}")
  @ValueSource(doubles = {0, 0.0008, 0.003, 0.01, 0.05, 0.2})
  void theDeclineThresholdDeclinesAtMostTheBudgetOfCorrectDigits(double budget) {
    for (long seed = 1; seed <= 5; seed++) {
      EvaluationResult result = declining(2000, seed);

      double threshold = Calibrations.declineProbabilityThreshold(result, budget);

      int declined = declinedCorrect(result, new DecisionRule(true, threshold, 0));
      int allowed = (int) Math.floor(budget * correct(result));
      assertThat(declined)
          .as("declined of %d correct digits, seed %d", correct(result), seed)
          .isLessThanOrEqualTo(allowed);
      assertThat(declined)
          .as("as high as declining can go: the budget is used up")
          .isGreaterThanOrEqualTo(allowed - 1);
    }
  }

  @ParameterizedTest(name = "budget {0}")
  @ValueSource(doubles = {0, 0.0008, 0.003, 0.05})
  void theConfidenceThresholdOfATenOutputNetworkDeclinesAtMostTheBudget(double budget) {
    EvaluationResult result = SyntheticResults.calibratedAt(1.5, 3000, 21);

    double threshold = Calibrations.confidenceThreshold(result, budget);

    int declinedCorrect = 0;
    DecisionRule rule = new DecisionRule(false, threshold, 0);
    for (int i = 0; i < result.count(); i++) {
      if (result.predicted(i) == result.labels()[i]
          && !rule.decide(Calibrations.prediction(result, i), null).accepted()) {
        declinedCorrect++;
      }
    }
    assertThat(declinedCorrect).isLessThanOrEqualTo((int) Math.floor(budget * correct(result)));
  }

  @ParameterizedTest(name = "budget {0}")
  @ValueSource(doubles = {0, 0.0008, 0.003, 0.05})
  void theUnsureThresholdCostsAtMostTheBudgetOfTheCorrectDigitsStillAccepted(double budget) {
    EvaluationResult result = declining(3000, 40);
    DecisionRule declines =
        new DecisionRule(true, Calibrations.declineProbabilityThreshold(result, 0.01), 0);

    double unsure = Calibrations.unsureThreshold(result, declines, budget);

    DecisionRule rule = new DecisionRule(true, declines.declineThreshold(), unsure);
    int accepted = 0;
    int unsureCorrect = 0;
    for (int i = 0; i < result.count(); i++) {
      if (result.predicted(i) == result.labels()[i]
          && declines.decide(Calibrations.prediction(result, i), null).accepted()) {
        accepted++;
        if (rule.decide(Calibrations.prediction(result, i), null).reason()
            == Decision.Reason.UNSURE) {
          unsureCorrect++;
        }
      }
    }
    assertThat(unsureCorrect).isLessThanOrEqualTo((int) Math.floor(budget * accepted));
  }

  @Test
  void fitHonoursTheBudgetsOnMnistAndPenDigits() {
    EvaluationResult mnist = declining(5000, 50);
    EvaluationResult pen = declining(2000, 51);
    EvaluationResult nonDigits = nonDigits(1000, 52);

    ModelMetadata.Calibration calibration = Calibrations.fit(mnist, pen, nonDigits, true);

    DecisionRule rule =
        new DecisionRule(true, calibration.declineThreshold(), calibration.unsureThreshold());
    double t = calibration.temperature();
    assertThat(declinedCorrect(Calibrations.atTemperature(mnist, t), rule))
        .isLessThanOrEqualTo(2 * (int) Math.floor(Calibrations.MNIST_BUDGET * correct(mnist)) + 1);
    assertThat(declinedCorrect(Calibrations.atTemperature(pen, t), rule))
        .isLessThanOrEqualTo(2 * (int) Math.floor(Calibrations.PEN_BUDGET * correct(pen)) + 1);
    assertThat(calibration.unsureThreshold()).isLessThanOrEqualTo(Calibrations.MAX_UNSURE);
    assertThat(calibration.validation())
        .containsKeys(
            "mnistEceBefore",
            "mnistEceAfter",
            "mnistDeclined",
            "mnistAcceptedAccuracy",
            "penEceAfter",
            "penDeclined",
            "penAcceptedAccuracy",
            "nonDigitsDeclined");
    assertThat(calibration.validation().get("nonDigitsDeclined"))
        .isEqualTo(Declines.of(Calibrations.atTemperature(nonDigits, t), rule).declinedShare());
  }

  @Test
  void fitOfATenOutputNetworkSetsAConfidenceThresholdWithinTheBudget() {
    EvaluationResult mnist = SyntheticResults.calibratedAt(2, 4000, 60);

    ModelMetadata.Calibration calibration = Calibrations.fit(mnist, null, null, false);

    assertThat(calibration.temperature()).isCloseTo(2, within(0.16));
    DecisionRule rule =
        new DecisionRule(false, calibration.declineThreshold(), calibration.unsureThreshold());
    assertThat(declinedCorrect(Calibrations.atTemperature(mnist, calibration.temperature()), rule))
        .isLessThanOrEqualTo(2 * (int) Math.floor(Calibrations.MNIST_BUDGET * correct(mnist)) + 1);
    assertThat(calibration.validation()).doesNotContainKey("penDeclined");
    assertThat(calibration.validation().get("mnistEceAfter"))
        .isLessThan(calibration.validation().get("mnistEceBefore"));
  }

  /**
   * Digits from a network that declines: mostly right and sure, some decline probability each (two
   * random outputs, so their sums land anywhere), a few wrong.
   */
  private static EvaluationResult declining(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SyntheticResults results = SyntheticResults.twelveOutputs();
    for (int i = 0; i < count; i++) {
      int label = random.nextInt(10);
      float notADigit = (float) (random.nextDouble() * random.nextDouble() * 0.6);
      float several = (float) (random.nextDouble() * random.nextDouble() * 0.3);
      float digits = 1 - notADigit - several;
      int answer = random.nextDouble() < 0.97 ? label : (label + 1 + random.nextInt(9)) % 10;
      int other = (answer + 1 + random.nextInt(9)) % 10;
      float share = (float) (0.45 + 0.55 * random.nextDouble());
      float[] row = new float[12];
      row[answer] = digits * share;
      row[other] = digits * (1 - share);
      row[10] = notADigit;
      row[11] = several;
      results.add(label, row);
    }
    return results.build();
  }

  /** Non-digits mostly declined by the network. */
  private static EvaluationResult nonDigits(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SyntheticResults results = SyntheticResults.twelveOutputs();
    for (int i = 0; i < count; i++) {
      float decline = (float) (0.5 + 0.5 * random.nextDouble());
      float[] row = new float[12];
      row[random.nextInt(10)] = 1 - decline;
      row[10] = decline;
      results.add(10, row);
    }
    return results.build();
  }

  private static int correct(EvaluationResult result) {
    return result.correct();
  }

  private static int declinedCorrect(EvaluationResult result, DecisionRule rule) {
    int declined = 0;
    for (int i = 0; i < result.count(); i++) {
      if (result.predicted(i) == result.labels()[i]
          && !rule.decide(Calibrations.prediction(result, i), null).accepted()) {
        declined++;
      }
    }
    return declined;
  }

  private static void assertClose(
      EvaluationResult actual, EvaluationResult expected, double tolerance) {
    assertThat(actual.outputs()).isEqualTo(expected.outputs());
    float[] a = actual.probabilities();
    float[] e = expected.probabilities();
    assertThat(a).hasSameSizeAs(e);
    for (int i = 0; i < a.length; i++) {
      assertThat((double) a[i]).as("probability %d", i).isCloseTo(e[i], within(tolerance));
    }
  }
}
