package dev.digits.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.digits.model.Decision.Reason;
import dev.digits.model.DecisionRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclinesTest {
  private static final DecisionRule RULE = new DecisionRule(true, 0.5, 0.6);

  /** A row of twelve outputs: {@code digit} at {@code p}, 8 at {@code q}, the declines. */
  private static float[] row(int digit, double p, double q, double notADigit, double several) {
    float[] row = new float[12];
    row[digit] = (float) p;
    row[8] += (float) q;
    row[10] = (float) notADigit;
    row[11] = (float) several;
    return row;
  }

  @Test
  void countsDeclinesByReasonAndAccuracyWithDeclinesAsMistakes() {
    EvaluationResult result =
        SyntheticResults.twelveOutputs()
            .add(1, row(1, 0.9, 0.05, 0.03, 0.02)) // accepted, right
            .add(2, row(3, 0.9, 0.05, 0.03, 0.02)) // accepted, wrong
            .add(4, row(4, 0.2, 0.1, 0.6, 0.1)) // not a digit
            .add(5, row(5, 0.1, 0.1, 0.1, 0.7)) // several digits
            .add(6, row(6, 0.5, 0.45, 0.03, 0.02)) // unsure: 0.5 of 0.95
            .add(7, row(7, 0.95, 0.05, 0, 0)) // accepted, right
            .build();

    Declines declines = Declines.of(result, RULE);

    assertThat(declines.count()).isEqualTo(6);
    assertThat(declines.declined()).isEqualTo(3);
    assertThat(declines.acceptedCorrect()).isEqualTo(2);
    assertThat(declines.byReason())
        .isEqualTo(Map.of(Reason.NOT_A_DIGIT, 1, Reason.SEVERAL_DIGITS, 1, Reason.UNSURE, 1));
    assertThat(declines.declinedShare()).isEqualTo(0.5);
    assertThat(declines.acceptedAccuracy()).isCloseTo(2 / 6.0, within(1e-12));
  }

  @Test
  void aDeclinedCorrectDigitIsAMistake() {
    EvaluationResult result =
        SyntheticResults.twelveOutputs().add(4, row(4, 0.45, 0, 0.55, 0)).build();

    assertThat(result.accuracy()).isEqualTo(1);
    assertThat(Declines.of(result, RULE).acceptedAccuracy()).isZero();
  }

  @Test
  void nothingIsTooSmallWithoutTheInksSize() {
    EvaluationResult tiny = SyntheticResults.twelveOutputs().repeat(20, 3, 3, 0.99).build();

    assertThat(Declines.of(tiny, RULE).byReason()).doesNotContainKey(Reason.TOO_SMALL);
  }

  @Test
  void anEmptySetHasNoShares() {
    Declines none = Declines.of(SyntheticResults.twelveOutputs().build(), RULE);

    assertThat(none.declinedShare()).isNaN();
    assertThat(none.acceptedAccuracy()).isNaN();
    assertThat(none.byReason()).isEmpty();
  }

  @Test
  void aurocIsOneWhenEveryNonDigitScoresAboveEveryDigit() {
    EvaluationResult digits = scored(0.01, 0.1, 0.2, 0.3);
    EvaluationResult nonDigits = scored(0.4, 0.6, 0.9);

    assertThat(Declines.auroc(digits, nonDigits)).isEqualTo(1);
  }

  @Test
  void aurocIsZeroWhenEveryNonDigitScoresBelowEveryDigit() {
    assertThat(Declines.auroc(scored(0.4, 0.6, 0.9), scored(0.01, 0.1, 0.2, 0.3))).isZero();
  }

  @Test
  void aurocIsOneHalfForTies() {
    assertThat(Declines.auroc(scored(0.3, 0.3), scored(0.3, 0.3, 0.3))).isEqualTo(0.5);
  }

  @Test
  void aurocIsTheShareOfPairsInTheRightOrderTiesHalf() {
    // Pairs (non-digit, digit): 0.3 > 0.1, 0.3 < 0.4, 0.3 = 0.3 (half), 0.5 > all three.
    EvaluationResult digits = scored(0.1, 0.4, 0.3);
    EvaluationResult nonDigits = scored(0.3, 0.5);

    assertThat(Declines.auroc(digits, nonDigits)).isCloseTo(4.5 / 6, within(1e-12));
  }

  @Test
  void aTenOutputNetworksScoreIsOneMinusItsBestDigit() {
    EvaluationResult sure = SyntheticResults.tenOutputs().repeat(3, 1, 1, 0.95).build();
    EvaluationResult doubtful = SyntheticResults.tenOutputs().repeat(3, 10, 1, 0.4).build();

    assertThat(Declines.auroc(sure, doubtful)).isEqualTo(1);
    assertThat(Declines.auroc(doubtful, sure)).isZero();
  }

  @Test
  void aurocWithoutDigitsOrNonDigitsIsUndefined() {
    assertThat(Declines.auroc(SyntheticResults.twelveOutputs().build(), scored(0.5))).isNaN();
    assertThat(Declines.auroc(scored(0.5), SyntheticResults.twelveOutputs().build())).isNaN();
  }

  /** Twelve-output rows whose decline probabilities are {@code scores}. */
  private static EvaluationResult scored(double... scores) {
    SyntheticResults results = SyntheticResults.twelveOutputs();
    for (double score : scores) {
      results.add(0, row(0, 1 - score, 0, score, 0));
    }
    return results.build();
  }
}
