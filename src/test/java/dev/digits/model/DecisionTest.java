package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.model.Decision.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecisionTest {
  @Test
  void acceptedHasNoReason() {
    assertThat(Decision.ACCEPTED.accepted()).isTrue();
    assertThat(Decision.ACCEPTED.reason()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void aDeclineHasItsReason(Reason reason) {
    Decision decision = Decision.declined(reason);

    assertThat(decision.accepted()).isFalse();
    assertThat(decision.reason()).isEqualTo(reason);
    assertThatThrownBy(() -> new Decision(true, reason))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeclineNeedsAReason() {
    assertThatThrownBy(() -> new Decision(false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Decision.declined(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reasonsAreNamedAsTheApiNamesThem() {
    assertThat(Reason.values())
        .extracting(Reason::id)
        .containsExactly("not_a_digit", "several_digits", "too_small", "unsure");
  }
}
