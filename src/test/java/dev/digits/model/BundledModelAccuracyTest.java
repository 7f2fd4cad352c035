package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.digits.TestData;
import dev.digits.data.MnistDataset;
import dev.digits.evaluation.Calibrations;
import dev.digits.evaluation.Declines;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.Evaluator;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The model the repository ships is the one the README describes, measured on the official
 * 10,000-image MNIST test set fetched through the project's own fetcher and cache: its accuracy,
 * what its declines cost on real digits, how well its confidence is calibrated, and that its
 * metadata tells the truth about all three. The bounds are the README's figures rounded down to the
 * tenth, so a retrained default that reads worse fails here.
 */
class BundledModelAccuracyTest {

  @Test
  void bundledDefaultModelKeepsItsFiguresOnTheOfficialTestSet() throws IOException {
    assumeThat(BundledModels.exists(BundledModels.DEFAULT))
        .as("no bundled model: models/default.model is missing from the build")
        .isTrue();
    TestData.engine();
    MnistDataset mnist = TestData.mnist();

    try (TorchClassifier classifier = BundledModels.open(BundledModels.DEFAULT)) {
      ModelMetadata metadata = classifier.metadata();
      ModelMetadata.Calibration calibration = metadata.calibration();
      assertThat(calibration).as("the default model is calibrated").isNotNull();
      // The classifier's inference divides by the model's temperature already.
      EvaluationResult result = Evaluator.evaluate(classifier.inference(), mnist.test());
      Declines declines = Declines.of(result, DecisionRule.of(metadata));

      assertThat(result.count()).isEqualTo(10_000);
      assertThat(result.accuracy()).as("best guess right").isGreaterThanOrEqualTo(0.995);
      assertThat(declines.acceptedAccuracy())
          .as("accepted and right: a decline counts as a mistake")
          .isGreaterThanOrEqualTo(0.994);
      assertThat(declines.declinedShare()).as("digits declined").isLessThanOrEqualTo(0.005);
      assertThat(Calibrations.expectedCalibrationError(result, Calibrations.ECE_BINS))
          .as("expected calibration error at the model's temperature")
          .isLessThanOrEqualTo(0.015);
      // Summation order may differ with the thread count, never by a whole image.
      assertThat(metadata.metrics().testAccuracy()).isCloseTo(result.accuracy(), within(1e-4));
      assertThat(metadata.metrics().testAcceptedAccuracy())
          .isCloseTo(declines.acceptedAccuracy(), within(1e-4));
      assertThat(metadata.metrics().testDeclineRate())
          .isCloseTo(declines.declinedShare(), within(1e-4));
      assertThat(metadata.metrics().penValidationAccuracy())
          .as("pen digits of writers never trained on")
          .isGreaterThanOrEqualTo(0.98);
      assertThat(metadata.data().sha256()).isEqualTo(mnist.sha256());
      assertThat(metadata.data().testExamples()).isEqualTo(10_000);
      assertThat(metadata.data().penDigits()).as("credited pen data").isNotNull();
      assertThat(metadata.architecture()).isEqualTo(Architecture.DEFAULT.id());
      assertThat(metadata.parameterCount()).isPositive().isLessThanOrEqualTo(200_000);
    }
  }
}
