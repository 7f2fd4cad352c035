package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.digits.TestModels;
import dev.digits.model.Decision.Reason;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionRuleTest {
  private static final DecisionRule DECLINING = new DecisionRule(true, 0.5, 0.6);
  private static final DecisionRule TEN_OUTPUTS = new DecisionRule(false, 0.4, 0.6);

  /** A confident 3 from a network that declines. */
  private static final Prediction CLEAR_THREE = twelve(3, 0.97, 1, 0.01, 0.01, 0.01);

  /** Ten outputs: {@code digit} at {@code p}, the rest spread evenly over the other digits. */
  private static Prediction ten(int digit, double p) {
    float[] outputs = new float[10];
    Arrays.fill(outputs, (float) ((1 - p) / 9));
    outputs[digit] = (float) p;
    return new Prediction(outputs);
  }

  /**
   * Twelve outputs: {@code best} at {@code p}, {@code second} at {@code q}, and the two decline
   * outputs; the rest spread over no digit.
   */
  private static Prediction twelve(
      int best, double p, int second, double q, double notADigit, double severalDigits) {
    float[] outputs = new float[12];
    outputs[best] = (float) p;
    outputs[second] = (float) q;
    outputs[OutputClasses.NOT_A_DIGIT] = (float) notADigit;
    outputs[OutputClasses.SEVERAL_DIGITS] = (float) severalDigits;
    return new Prediction(outputs);
  }

  @Test
  void aConfidentDigitIsAccepted() {
    assertThat(DECLINING.decide(CLEAR_THREE, new InkExtent(200, 280))).isEqualTo(Decision.ACCEPTED);
    assertThat(TEN_OUTPUTS.decide(ten(3, 0.99), null)).isEqualTo(Decision.ACCEPTED);
  }

  @ParameterizedTest(name = "ink {0} px of {1} px: too small {2}")
  @CsvSource({
    // A small share and few pixels: a dot, a digit drawn tiny in a corner.
    "10, 280, true",
    "63, 800, true",
    // A small share but many pixels: a digit in a large photo is still read.
    "64, 800, false",
    "100, 4000, false",
    // Few pixels but a large share: a small image filled by its digit.
    "20, 28, false",
    "30, 100, false",
    // Exactly the share is not under it.
    "8, 100, false"
  })
  void tooSmallNeedsBothASmallShareOfTheImageAndFewPixels(int ink, int side, boolean tooSmall) {
    Decision decision = DECLINING.decide(CLEAR_THREE, new InkExtent(ink, side));

    assertThat(decision)
        .isEqualTo(tooSmall ? Decision.declined(Reason.TOO_SMALL) : Decision.ACCEPTED);
  }

  @Test
  void tooSmallComesFirstAndAppliesToNetworksWithoutDeclineOutputs() {
    InkExtent dot = new InkExtent(5, 280);

    assertThat(DECLINING.decide(twelve(3, 0.1, 4, 0.1, 0.4, 0.4), dot).reason())
        .isEqualTo(Reason.TOO_SMALL);
    assertThat(TEN_OUTPUTS.decide(ten(3, 0.99), dot).reason()).isEqualTo(Reason.TOO_SMALL);
  }

  @Test
  void unknownInkIsNeverTooSmall() {
    assertThat(DECLINING.decide(CLEAR_THREE, null)).isEqualTo(Decision.ACCEPTED);
  }

  @Test
  void aDeclineProbabilityAtTheThresholdDeclinesForTheLargerDeclineOutput() {
    assertThat(DECLINING.decide(twelve(3, 0.3, 4, 0.2, 0.4, 0.1), null))
        .isEqualTo(Decision.declined(Reason.NOT_A_DIGIT));
    assertThat(DECLINING.decide(twelve(3, 0.3, 4, 0.2, 0.1, 0.4), null))
        .isEqualTo(Decision.declined(Reason.SEVERAL_DIGITS));
    assertThat(DECLINING.decide(twelve(3, 0.3, 4, 0.2, 0.25, 0.25), null))
        .as("a tie is not a digit")
        .isEqualTo(Decision.declined(Reason.NOT_A_DIGIT));
  }

  @Test
  void aDeclineProbabilityBelowTheThresholdIsNoDecline() {
    Prediction justBelow = twelve(3, 0.45, 4, 0.07, 0.3, 0.18);

    assertThat(justBelow.declineProbability()).isLessThan(0.5f);
    assertThat(DECLINING.decide(justBelow, null)).isEqualTo(Decision.ACCEPTED);
  }

  @Test
  void unsureIsTheBestDigitsShareOfTheDigitsProbability() {
    // 4 has 0.3 and 9 0.25 of the 0.55 the digits have: 4's share is 0.545.
    Prediction fourOrNine = twelve(4, 0.3, 9, 0.25, 0.3, 0.15);

    assertThat(new DecisionRule(true, 0.5, 0.6).decide(fourOrNine, null))
        .isEqualTo(Decision.declined(Reason.UNSURE));
    assertThat(new DecisionRule(true, 0.5, 0.5).decide(fourOrNine, null))
        .as("accepted although its probability, 0.3, is below the threshold")
        .isEqualTo(Decision.ACCEPTED);
    assertThat(DecisionRule.bestShare(fourOrNine)).isCloseTo(0.3 / 0.55, within(1e-6));
  }

  @Test
  void aTenOutputNetworkDeclinesALowBestDigitAsNotADigit() {
    assertThat(TEN_OUTPUTS.decide(ten(2, 0.39), null))
        .isEqualTo(Decision.declined(Reason.NOT_A_DIGIT));
    assertThat(TEN_OUTPUTS.decide(ten(2, 0.4), null).reason())
        .as("at the threshold it is not declined as not a digit")
        .isNotEqualTo(Reason.NOT_A_DIGIT);
  }

  @Test
  void aTenOutputNetworkIsUnsureBetweenTheThresholds() {
    assertThat(TEN_OUTPUTS.decide(ten(2, 0.55), null)).isEqualTo(Decision.declined(Reason.UNSURE));
    assertThat(TEN_OUTPUTS.decide(ten(2, 0.6), null)).isEqualTo(Decision.ACCEPTED);
  }

  @Test
  void aTenOutputNetworkNeverSaysSeveralDigits() {
    for (double p = 0.1; p <= 1; p += 0.05) {
      assertThat(TEN_OUTPUTS.decide(ten(5, p), null).reason()).isNotEqualTo(Reason.SEVERAL_DIGITS);
    }
  }

  @Test
  void anUncalibratedModelUsesTheDefaultThresholds() {
    ModelMetadata plain = TestModels.metadata("plain", Architecture.GAP_CNN, 1);
    ModelMetadata declining = plain.toBuilder().outputs(OutputClasses.WITH_DECLINES).build();

    DecisionRule digitsOnly = DecisionRule.of(plain);
    DecisionRule withDeclines = DecisionRule.of(declining);

    assertThat(digitsOnly.declineThreshold())
        .isEqualTo(DecisionRule.UNCALIBRATED_DECLINE)
        .isEqualTo(0.5);
    assertThat(digitsOnly.unsureThreshold())
        .isEqualTo(DecisionRule.UNCALIBRATED_UNSURE)
        .isEqualTo(0.5);
    assertThat(
            digitsOnly.decide(
                new Prediction(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0.51f, 0.49f}), null))
        .isEqualTo(Decision.ACCEPTED);
    assertThat(withDeclines.decide(twelve(3, 0.5, 4, 0, 0.3, 0.2), null))
        .as("a 12-output model reads its decline outputs")
        .isEqualTo(Decision.declined(Reason.NOT_A_DIGIT));
    assertThat(digitsOnly.decide(ten(3, 0.49), null))
        .isEqualTo(Decision.declined(Reason.NOT_A_DIGIT));
  }

  @Test
  void aCalibratedModelUsesItsCalibrationsThresholds() {
    ModelMetadata metadata =
        TestModels.metadata("calibrated", Architecture.GAP_CNN, 1).toBuilder()
            .outputs(OutputClasses.WITH_DECLINES)
            .calibration(new ModelMetadata.Calibration(1.3, 0.9, 0.7, Map.of()))
            .build();

    DecisionRule rule = DecisionRule.of(metadata);

    assertThat(rule.declineThreshold()).isEqualTo(0.9);
    assertThat(rule.unsureThreshold()).isEqualTo(0.7);
    Prediction mostlyDeclined = twelve(3, 0.2, 4, 0, 0.5, 0.3);
    assertThat(rule.decide(mostlyDeclined, null)).isEqualTo(Decision.ACCEPTED);
    assertThat(
            DecisionRule.of(metadata.toBuilder().calibration(null).build())
                .decide(mostlyDeclined, null))
        .as("uncalibrated, the same is declined")
        .isEqualTo(Decision.declined(Reason.NOT_A_DIGIT));
    assertThat(rule.decide(twelve(3, 0.12, 4, 0.08, 0.5, 0.3), null))
        .isEqualTo(Decision.declined(Reason.UNSURE));
  }

  @ParameterizedTest
  @CsvSource({"-0.1, 0.5", "1.1, 0.5", "0.5, -0.01", "0.5, 1.01", "NaN, 0.5", "0.5, NaN"})
  void thresholdsAreProbabilities(double decline, double unsure) {
    assertThatThrownBy(() -> new DecisionRule(true, decline, unsure))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("thresholds are probabilities in [0, 1]");
  }
}
