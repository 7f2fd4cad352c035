package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputClassesTest {
  @Test
  void tenOutputsAreTheDigitsInOrder() {
    assertThat(OutputClasses.named(10))
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
        .isSameAs(OutputClasses.DIGITS_ONLY);
  }

  @Test
  void twelveOutputsAreTheDigitsThenTheTwoKindsOfDecline() {
    assertThat(OutputClasses.named(12))
        .startsWith(OutputClasses.DIGITS_ONLY.toArray(String[]::new))
        .hasSize(12);
    assertThat(OutputClasses.named(12).get(OutputClasses.NOT_A_DIGIT)).isEqualTo("not_a_digit");
    assertThat(OutputClasses.named(12).get(OutputClasses.SEVERAL_DIGITS))
        .isEqualTo("several_digits");
    assertThat(OutputClasses.DIGITS).isEqualTo(10);
  }

  @Test
  void theDeclineOutputsAreNamedAsTheDecisionsReasons() {
    assertThat(OutputClasses.WITH_DECLINES.get(OutputClasses.NOT_A_DIGIT))
        .isEqualTo(Decision.Reason.NOT_A_DIGIT.id());
    assertThat(OutputClasses.WITH_DECLINES.get(OutputClasses.SEVERAL_DIGITS))
        .isEqualTo(Decision.Reason.SEVERAL_DIGITS.id());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 9, 11, 13})
  void noOtherCountOfOutputsHasNames(int count) {
    assertThatThrownBy(() -> OutputClasses.named(count))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("not " + count);
  }
}
