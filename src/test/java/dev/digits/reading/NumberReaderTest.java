package dev.digits.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.TestData;
import dev.digits.model.BundledModels;
import dev.digits.model.TorchClassifier;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.preprocessing.PreprocessingLimits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole numbers read from constructed images by the bundled model. */
class NumberReaderTest {
  private static TorchClassifier model;
  private final NumberReader reader =
      new NumberReader(new DigitPreprocessor(PreprocessingLimits.DEFAULT));

  @BeforeAll
  static void load() throws IOException {
    TestData.engine();
    model = BundledModels.open(BundledModels.DEFAULT);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private NumberReading read(BufferedImage image) throws PreprocessingException {
    return reader.read(model, p -> p.inkFromImage(image));
  }

  @Test
  void readsDigitsWrittenApart() throws PreprocessingException {
    NumberReading reading = read(WrittenNumbers.mnist("2026", 80, 30));

    assertThat(reading.number()).isEqualTo("2026");
    assertThat(reading.digits()).allMatch(digit -> digit.decision().accepted());
    assertThat(reading.confidence()).isGreaterThan(0.5);
  }

  @Test
  void keepsLeadingZeros() throws PreprocessingException {
    assertThat(read(WrittenNumbers.mnist("0071", 80, 25)).number()).isEqualTo("0071");
  }

  @Test
  void cutsDigitsWhoseStrokesTouch() throws PreprocessingException {
    assertThat(read(WrittenNumbers.mnist("42", 80, -1)).number()).isEqualTo("42");
    assertThat(read(WrittenNumbers.mnist("305", 80, -1)).number()).isEqualTo("305");
  }

  @Test
  void readsLeftToRightUnderADriftingBaseline() throws PreprocessingException {
    int[] heights = {80, 80, 80, 80, 80};
    // Each digit a fifth of its height lower than the one before: the last four fifths lower than
    // the first, its top nearly at the first's foot.
    NumberReading reading = read(WrittenNumbers.mnist("24680", heights, 25, 16));

    assertThat(reading.number()).isEqualTo("24680");
    assertThat(reading.digits()).extracting(digit -> digit.box().x()).isSorted();
  }

  @Test
  void readsDigitsOfUnevenSizes() throws PreprocessingException {
    int[] heights = {110, 50, 90, 60};
    assertThat(read(WrittenNumbers.mnist("8642", heights, 20, 0)).number()).isEqualTo("8642");
  }

  @Test
  void mergesAFiveWhoseFlagIsDetached() throws PreprocessingException {
    BufferedImage image =
        WrittenNumbers.strokes(
            420,
            200,
            12,
            // 1
            new double[] {80, 40, 80, 160},
            // 5: the stem and bowl in one stroke, the flag apart from them above
            concat(
                new double[] {190, 45, 185, 95}, WrittenNumbers.arc(215, 125, 38, 35, -140, 150)),
            new double[] {205, 32, 260, 32});

    NumberReading reading = read(image);

    assertThat(reading.number()).isEqualTo("15");
  }

  @Test
  void mergesAFourDrawnInTwoStrokesThatDoNotMeet() throws PreprocessingException {
    BufferedImage image =
        WrittenNumbers.strokes(
            420,
            200,
            12,
            // 4: the open corner, then the stem beside it, not touching it
            new double[] {110, 30, 70, 120, 150, 120},
            new double[] {170, 60, 170, 175},
            // 7
            new double[] {240, 35, 330, 35, 275, 170});

    NumberReading reading = read(image);

    assertThat(reading.number()).isEqualTo("47");
    assertThat(reading.digits()).hasSize(2);
  }

  @Test
  void givesEachDigitItsBoxInTheImage() throws PreprocessingException {
    BufferedImage image = WrittenNumbers.mnist("314", 80, 30);

    List<ReadDigit> digits = read(image).digits();

    assertThat(digits).hasSize(3);
    for (int i = 0; i < digits.size(); i++) {
      PixelBox box = digits.get(i).box();
      assertThat(box.x()).isGreaterThanOrEqualTo(0);
      assertThat(box.y()).isGreaterThanOrEqualTo(0);
      assertThat(box.right()).isLessThanOrEqualTo(image.getWidth());
      assertThat(box.bottom()).isLessThanOrEqualTo(image.getHeight());
      assertThat(box.height()).isBetween(60, 90);
      if (i > 0) {
        assertThat(box.x()).isGreaterThan(digits.get(i - 1).box().right());
      }
    }
  }

  @Test
  void refusesABlankImage() {
    BufferedImage blank = WrittenNumbers.strokes(300, 100, 10);

    assertThatThrownBy(() -> read(blank))
        .isInstanceOf(PreprocessingException.class)
        .extracting(e -> ((PreprocessingException) e).reason())
        .isEqualTo(PreprocessingException.Reason.NO_INK);
  }

  private static double[] concat(double[] first, double[] second) {
    double[] both = new double[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
