package dev.digits.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.TestData;
import dev.digits.data.LabelledImages;
import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import dev.digits.drawing.Drawing;
import dev.digits.model.OutputClasses;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NonDigitsTest {
  private static final int DRAWINGS = 25;

  private static NonDigits generator;

  @BeforeAll
  static void generator() throws IOException {
    List<PenDigit> pen = PenDigits.bundled().digits().subList(0, 300);
    LabelledImages mnist = TestData.mnist().test();
    generator =
        new NonDigits(
            FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY),
            pen,
            new MnistGlyphs(mnist, IntStream.range(0, 200).toArray()),
            PenStyle.PAGE);
  }

  @ParameterizedTest
  @EnumSource(NonDigitKind.class)
  void everyKindIsDrawnWithItsPenInsideTheCanvas(NonDigitKind kind) {
    for (int seed = 0; seed < DRAWINGS; seed++) {
      Drawing drawing = generator.draw(kind, new SplittableRandom(seed));

      PenStyleTest.assertOnCanvas(PenStyleTest.inkBox(drawing), kind + " of seed " + seed);
      assertThat(drawing.widestPen()).isBetween(PenStyle.PAGE.minPen(), PenStyle.PAGE.maxPen());
    }
  }

  @ParameterizedTest
  @EnumSource(NonDigitKind.class)
  void everyKindReachesTheModelWithInkAndItsKindsLabel(NonDigitKind kind) {
    Renderings.NonDigitExamples made =
        Renderings.nonDigits(
            generator, List.of(kind), new double[] {1}, DRAWINGS, 77 + kind.ordinal(), done -> {});

    LabelledImages examples = made.examples();
    assertThat(made.kinds()).hasSize(DRAWINGS).containsOnly(kind);
    for (int i = 0; i < DRAWINGS; i++) {
      assertThat(examples.label(i)).isEqualTo(kind.output());
      float[] image = examples.images().image(i);
      long inked = IntStream.range(0, image.length).filter(p -> image[p] > 0.5f).count();
      assertThat(inked).as("%s #%d: pixels of ink", kind, i).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void severalDigitsAreLabelledSeveralDigitsAndEveryOtherKindNotADigit() {
    for (NonDigitKind kind : NonDigitKind.values()) {
      assertThat(kind.output())
          .as(kind.name())
          .isEqualTo(
              kind == NonDigitKind.SEVERAL_DIGITS
                  ? OutputClasses.SEVERAL_DIGITS
                  : OutputClasses.NOT_A_DIGIT);
    }
    assertThat(OutputClasses.NOT_A_DIGIT).isEqualTo(10);
    assertThat(OutputClasses.SEVERAL_DIGITS).isEqualTo(11);
  }

  @Test
  void doodlesAndWordsAreHeldOutAndNamedForReports() {
    assertThat(NonDigitKind.values())
        .filteredOn(NonDigitKind::heldOut)
        .containsExactlyInAnyOrder(NonDigitKind.DOODLE, NonDigitKind.WORD);
    assertThat(NonDigitKind.SEVERAL_DIGITS.id()).isEqualTo("several-digits");
    assertThat(NonDigitKind.DOODLE.description()).contains("held out");
  }

  @Test
  void theSameGeneratorStateGivesTheSameDrawing() {
    for (NonDigitKind kind : NonDigitKind.values()) {
      assertThat(generator.draw(kind, new SplittableRandom(5)))
          .as(kind.name())
          .isEqualTo(generator.draw(kind, new SplittableRandom(5)));
    }
  }

  @Test
  void severalDigitsAreDrawnWithMoreStrokesThanOneDigitHas() {
    int strokes = 0;
    for (int seed = 0; seed < DRAWINGS; seed++) {
      strokes +=
          generator.draw(NonDigitKind.SEVERAL_DIGITS, new SplittableRandom(seed)).strokes().size();
    }
    assertThat(strokes).isGreaterThanOrEqualTo(2 * DRAWINGS);
  }

  @Test
  void needsPenDigitsToDrawSeveralDigitsFrom() throws IOException {
    FontGlyphs fonts = FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY);

    assertThatThrownBy(() -> new NonDigits(fonts, List.of(), null, PenStyle.PAGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pen digits");
  }

  @Test
  void drawsSeveralDigitsFromPenDigitsAloneWithoutMnist() throws IOException {
    NonDigits penOnly =
        new NonDigits(
            FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY),
            PenDigits.bundled().digits().subList(0, 20),
            null,
            PenStyle.PAGE);

    for (int seed = 0; seed < 10; seed++) {
      assertThat(penOnly.draw(NonDigitKind.SEVERAL_DIGITS, new SplittableRandom(seed)).strokes())
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }
}
