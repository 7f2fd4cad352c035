package dev.digits.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.digits.TestData;
import dev.digits.data.LabelledImages;
import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RenderingsTest {
  private static final List<NonDigitKind> ALL = List.of(NonDigitKind.values());

  private static List<PenDigit> pen;
  private static NonDigits generator;

  @BeforeAll
  static void sources() throws IOException {
    pen = PenDigits.bundled().digits().subList(0, 40);
    generator =
        new NonDigits(FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY), pen, null, PenStyle.PAGE);
  }

  @Test
  void nonDigitsAreByteIdenticalWhateverTheParallelism() throws Exception {
    double[] weights = new double[ALL.size()];
    java.util.Arrays.fill(weights, 1);
    Callable<Renderings.NonDigitExamples> make =
        () -> Renderings.nonDigits(generator, ALL, weights, 60, 20261204, done -> {});

    Renderings.NonDigitExamples sequential = inPool(1, make);
    Renderings.NonDigitExamples parallel = inPool(4, make);

    assertThat(parallel.examples().images().pixels())
        .isEqualTo(sequential.examples().images().pixels());
    assertThat(parallel.examples().labels()).isEqualTo(sequential.examples().labels());
    assertThat(parallel.kinds()).isEqualTo(sequential.kinds());
    assertThat(inPool(4, make).examples().images().pixels())
        .as("and again")
        .isEqualTo(sequential.examples().images().pixels());
  }

  @Test
  void penDigitsAreByteIdenticalWhateverTheParallelism() throws Exception {
    Callable<LabelledImages> make =
        () -> Renderings.penDigits(pen, 2, PenStyle.PAGE, 99, done -> {});

    LabelledImages sequential = inPool(1, make);
    LabelledImages parallel = inPool(4, make);

    assertThat(parallel.images().pixels()).isEqualTo(sequential.images().pixels());
    assertThat(parallel.labels()).isEqualTo(sequential.labels());
  }

  @Test
  void anotherSeedDrawsOtherExamples() {
    LabelledImages one = Renderings.penDigits(pen.subList(0, 5), 1, PenStyle.PAGE, 1, done -> {});
    LabelledImages other = Renderings.penDigits(pen.subList(0, 5), 1, PenStyle.PAGE, 2, done -> {});

    assertThat(other.labels()).isEqualTo(one.labels());
    assertThat(other.images().pixels()).isNotEqualTo(one.images().pixels());
  }

  @Test
  void eachPenDigitIsDrawnRendersTimesInARowWithItsLabel() {
    LabelledImages drawn = Renderings.penDigits(pen.subList(0, 7), 3, PenStyle.PAGE, 5, done -> {});

    assertThat(drawn.size()).isEqualTo(21);
    assertThat(drawn.images().rows()).isEqualTo(28);
    assertThat(drawn.images().cols()).isEqualTo(28);
    for (int i = 0; i < drawn.size(); i++) {
      assertThat(drawn.label(i)).isEqualTo(pen.get(i / 3).label());
    }
    // The three drawings of one digit are in different styles.
    byte[] pixels = drawn.images().pixels();
    assertThat(java.util.Arrays.copyOfRange(pixels, 0, 784))
        .isNotEqualTo(java.util.Arrays.copyOfRange(pixels, 784, 2 * 784));
  }

  @Test
  void mnistDigitsRedrawnKeepTheirLabels() {
    LabelledImages test = TestData.mnist().test();
    int[] chosen = {0, 1, 2, 3, 4, 5, 6, 7};

    LabelledImages redrawn =
        Renderings.mnistDigits(new MnistGlyphs(test, chosen), PenStyle.PAGE, 3, done -> {});

    assertThat(redrawn.size()).isEqualTo(chosen.length);
    for (int i = 0; i < chosen.length; i++) {
      assertThat(redrawn.label(i)).isEqualTo(test.label(chosen[i]));
    }
  }

  @Test
  void kindsAreDrawnInRoughlyTheirWeights() {
    List<NonDigitKind> kinds = List.of(NonDigitKind.DOT, NonDigitKind.LINE, NonDigitKind.SHAPE);
    int count = 400;

    List<NonDigitKind> drawn =
        Renderings.nonDigits(generator, kinds, new double[] {6, 3, 1}, count, 11, done -> {})
            .kinds();

    assertThat(share(drawn, NonDigitKind.DOT)).isCloseTo(0.6, within(0.08));
    assertThat(share(drawn, NonDigitKind.LINE)).isCloseTo(0.3, within(0.08));
    assertThat(share(drawn, NonDigitKind.SHAPE)).isCloseTo(0.1, within(0.05));
  }

  @Test
  void aKindOfWeightZeroIsNeverDrawn() {
    List<NonDigitKind> kinds = List.of(NonDigitKind.LINE, NonDigitKind.SHAPE, NonDigitKind.DOT);

    List<NonDigitKind> drawn =
        Renderings.nonDigits(generator, kinds, new double[] {1, 0, 1}, 200, 12, done -> {}).kinds();

    assertThat(drawn)
        .doesNotContain(NonDigitKind.SHAPE)
        .contains(NonDigitKind.LINE, NonDigitKind.DOT);
  }

  @Test
  void needsOneWeightPerKind() {
    assertThatThrownBy(
            () ->
                Renderings.nonDigits(
                    generator, List.of(NonDigitKind.DOT), new double[] {1, 2}, 3, 1, done -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Renderings.nonDigits(generator, List.of(), new double[0], 3, 1, done -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void progressEndsWithTheNumberMade() {
    List<Integer> reported = Collections.synchronizedList(new ArrayList<>());

    Renderings.penDigits(pen.subList(0, 3), 2, PenStyle.PAGE, 1, reported::add);

    assertThat(reported).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(1, 6));
    assertThat(Collections.max(reported)).isEqualTo(6);
  }

  private static double share(List<NonDigitKind> drawn, NonDigitKind kind) {
    return (double) drawn.stream().filter(k -> k == kind).count() / drawn.size();
  }

  /** Runs {@code task} in a pool of {@code threads}, where its parallel streams run too. */
  private static <T> T inPool(int threads, Callable<T> task) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(task).get();
    } finally {
      pool.shutdown();
    }
  }
}
