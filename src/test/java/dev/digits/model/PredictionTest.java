package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictionTest {
  /** A 4 that could be a 9, from a network without decline outputs. */
  private static final float[] TEN = {0, 0.05f, 0, 0, 0.6f, 0, 0, 0.05f, 0, 0.3f};

  /**
   * A network that declines: most of its probability on "not a digit", the rest on the digits, 7
   * first.
   */
  private static final float[] TWELVE = {0, 0.1f, 0, 0, 0, 0, 0, 0.15f, 0, 0.05f, 0.6f, 0.1f};

  @Test
  void theAnswerOfATenOutputNetworkIsItsMostProbableDigit() {
    Prediction prediction = new Prediction(TEN);

    assertThat(prediction.digit()).isEqualTo(4);
    assertThat(prediction.confidence()).isEqualTo(0.6f);
    assertThat(prediction.declineProbability()).isZero();
    assertThat(prediction.probabilities()).containsExactly(TEN);
    assertThat(prediction.top(3))
        .containsExactly(
            new Prediction.Ranked(4, 0.6f),
            new Prediction.Ranked(9, 0.3f),
            new Prediction.Ranked(1, 0.05f));
  }

  @Test
  void theDigitAndTopOfATwelveOutputNetworkIgnoreTheDeclineOutputs() {
    Prediction prediction = new Prediction(TWELVE);

    assertThat(prediction.digit()).isEqualTo(7);
    assertThat(prediction.confidence()).isEqualTo(0.15f);
    assertThat(prediction.top(12))
        .hasSize(10)
        .extracting(Prediction.Ranked::digit)
        .doesNotContain(10, 11);
    assertThat(prediction.top(2))
        .containsExactly(new Prediction.Ranked(7, 0.15f), new Prediction.Ranked(1, 0.1f));
    assertThat(prediction.probabilities())
        .hasSize(10)
        .containsExactly(0, 0.1f, 0, 0, 0, 0, 0, 0.15f, 0, 0.05f);
  }

  @Test
  void theDeclineProbabilityIsThatOfBothDeclineOutputs() {
    Prediction prediction = new Prediction(TWELVE);

    assertThat(prediction.declineProbability()).isCloseTo(0.7f, within(1e-6f));
    assertThat(prediction.output(OutputClasses.NOT_A_DIGIT)).isEqualTo(0.6f);
    assertThat(prediction.output(OutputClasses.SEVERAL_DIGITS)).isEqualTo(0.1f);
  }

  @Test
  void aTieGoesToTheLowerDigit() {
    float[] tie = new float[10];
    tie[3] = 0.5f;
    tie[8] = 0.5f;

    Prediction prediction = new Prediction(tie);

    assertThat(prediction.digit()).isEqualTo(3);
    assertThat(prediction.top(2)).extracting(Prediction.Ranked::digit).containsExactly(3, 8);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 9, 11, 13, 784})
  void refusesAnyNumberOfOutputsButTenOrTwelve(int outputs) {
    assertThatThrownBy(() -> new Prediction(new float[outputs]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 10 or 12 output probabilities, got " + outputs);
  }

  @Test
  void cannotBeChangedThroughItsArrays() {
    float[] outputs = TEN.clone();
    Prediction prediction = new Prediction(outputs);
    outputs[0] = 1;
    prediction.outputs()[0] = 1;
    prediction.probabilities()[0] = 1;

    assertThat(prediction.output(0)).isZero();
    assertThat(prediction).isEqualTo(new Prediction(TEN)).hasSameHashCodeAs(new Prediction(TEN));
  }
}
