package dev.digits.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WriterSplitTest {
  private static final PenDigit.PenStroke DOT =
      new PenDigit.PenStroke(new int[] {1}, new int[] {1});

  /** Digits of the given writers, {@code perWriter} each, in the given order. */
  private static PenDigits digitsOf(List<Integer> writers, int perWriter) {
    List<PenDigit> digits = new ArrayList<>();
    for (int writer : writers) {
      for (int k = 0; k < perWriter; k++) {
        digits.add(new PenDigit(k % 10, writer, digits.size(), List.of(DOT)));
      }
    }
    return new PenDigits("test", "00", digits);
  }

  private static List<Integer> writers(int count) {
    List<Integer> writers = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      writers.add(100 + 7 * w);
    }
    return writers;
  }

  @Test
  void everyWriterIsOnExactlyOneSide() throws IOException {
    PenDigits bundled = PenDigits.bundled();

    WriterSplit split = WriterSplit.of(bundled, 6);

    assertThat(split.validation()).hasSize(6);
    assertThat(split.training()).hasSize(24).doesNotContainAnyElementsOf(split.validation());
    Set<Integer> both = new TreeSet<>(split.training());
    both.addAll(split.validation());
    assertThat(both).isEqualTo(bundled.writers());
  }

  @Test
  void theDigitsFollowTheirWriters() throws IOException {
    PenDigits bundled = PenDigits.bundled();
    WriterSplit split = WriterSplit.of(bundled, 6);

    List<PenDigit> training = split.trainingDigits(bundled);
    List<PenDigit> validation = split.validationDigits(bundled);

    assertThat(training).allSatisfy(d -> assertThat(split.training()).contains(d.writer()));
    assertThat(validation).allSatisfy(d -> assertThat(split.validation()).contains(d.writer()));
    assertThat(training.size() + validation.size()).isEqualTo(bundled.size());
  }

  @Test
  void dependsOnlyOnTheWritersAndTheirNumber() {
    List<Integer> writers = writers(30);
    List<Integer> shuffled = new ArrayList<>(writers);
    Collections.reverse(shuffled);

    WriterSplit split = WriterSplit.of(digitsOf(writers, 3), 5);

    assertThat(WriterSplit.of(digitsOf(writers, 3), 5)).isEqualTo(split);
    assertThat(WriterSplit.of(digitsOf(shuffled, 11), 5))
        .as("other digits of the same writers, in another order")
        .isEqualTo(split);
  }

  @Test
  void holdsOutWritersFromAcrossTheSetNotJustTheFirst() {
    WriterSplit split = WriterSplit.of(digitsOf(writers(30), 1), 10);

    assertThat(split.validation()).isNotEqualTo(new TreeSet<>(writers(10)));
  }

  @Test
  void holdingOutNoneTrainsOnAll() {
    PenDigits digits = digitsOf(writers(4), 2);

    WriterSplit split = WriterSplit.of(digits, 0);

    assertThat(split.validation()).isEmpty();
    assertThat(split.training()).containsExactlyElementsOf(digits.writers());
    assertThat(split.validationDigits(digits)).isEmpty();
  }

  @Test
  void refusesToHoldOutEveryWriterOrFewerThanNone() {
    PenDigits digits = digitsOf(writers(4), 2);

    assertThatThrownBy(() -> WriterSplit.of(digits, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot hold out 4 of 4 writers and still train on one");
    assertThatThrownBy(() -> WriterSplit.of(digits, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(WriterSplit.of(digits, 3).training()).hasSize(1);
  }
}
