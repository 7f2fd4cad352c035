package dev.digits.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {
  @Test
  void binsSplitZeroToOneIntoEqualRanges() {
    List<Reliability.Bin> bins = Reliability.of(SyntheticResults.tenOutputs().build(), 15).bins();

    assertThat(bins).hasSize(15);
    for (int b = 0; b < 15; b++) {
      assertThat(bins.get(b).from()).isCloseTo(b / 15.0, within(1e-12));
      assertThat(bins.get(b).to()).isCloseTo((b + 1) / 15.0, within(1e-12));
      assertThat(bins.get(b).count()).isZero();
      assertThat(bins.get(b).meanConfidence()).isNaN();
      assertThat(bins.get(b).accuracy()).isNaN();
    }
  }

  @Test
  void eachDigitFallsInTheBinOfItsBestProbability() {
    EvaluationResult result =
        SyntheticResults.tenOutputs()
            .repeat(3, 2, 2, 0.92) // bin 9 of 10: right
            .repeat(1, 5, 2, 0.94) // bin 9: wrong
            .repeat(2, 7, 7, 0.33) // bin 3: right
            .add(0, new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}) // 1 goes in the last bin
            .build();

    List<Reliability.Bin> bins = Reliability.of(result, 10).bins();

    assertThat(bins)
        .extracting(Reliability.Bin::count)
        .containsExactly(0, 0, 0, 2, 0, 0, 0, 0, 0, 5);
    assertThat(bins.get(9).accuracy()).isCloseTo(4 / 5.0, within(1e-12));
    assertThat(bins.get(9).meanConfidence()).isCloseTo((3 * 0.92 + 0.94 + 1) / 5, within(1e-6));
    assertThat(bins.get(3).accuracy()).isEqualTo(1);
    assertThat(bins.get(3).meanConfidence()).isCloseTo(0.33, within(1e-6));
  }

  @Test
  void examplesThatAreNotOneDigitAreLeftOut() {
    EvaluationResult result =
        SyntheticResults.twelveOutputs()
            .repeat(4, 1, 1, 0.8)
            .repeat(6, 10, 1, 0.8)
            .repeat(6, 11, 1, 0.8)
            .build();

    List<Reliability.Bin> bins = Reliability.of(result, 5).bins();

    assertThat(bins.stream().mapToInt(Reliability.Bin::count).sum()).isEqualTo(4);
    assertThat(bins.get(4).accuracy()).isEqualTo(1);
  }
}
