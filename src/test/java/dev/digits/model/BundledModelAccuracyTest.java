package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.digits.TestData;
import dev.digits.data.MnistDataset;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.Evaluator;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The model the repository ships is the one the README promises: at least 99.6 % on the official
 * 10,000-image MNIST test set, fetched through the project's own fetcher and cache, and its
 * metadata tells the truth about it.
 */
class BundledModelAccuracyTest {

  @Test
  void bundledDefaultModelReachesTheTargetOnTheOfficialTestSet() throws IOException {
    assumeThat(BundledModels.exists(BundledModels.DEFAULT))
        .as("no bundled model: models/default.model is missing from the build")
        .isTrue();
    TestData.engine();
    MnistDataset mnist = TestData.mnist();

    try (TorchClassifier classifier = BundledModels.open(BundledModels.DEFAULT)) {
      EvaluationResult result = Evaluator.evaluate(classifier.inference(), mnist.test());
      ModelMetadata metadata = classifier.metadata();

      assertThat(result.count()).isEqualTo(10_000);
      assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.996);
      // Summation order may differ with the thread count, never by a whole image.
      assertThat(metadata.metrics().testAccuracy()).isCloseTo(result.accuracy(), within(1e-4));
      assertThat(metadata.data().sha256()).isEqualTo(mnist.sha256());
      assertThat(metadata.data().testExamples()).isEqualTo(10_000);
      assertThat(metadata.architecture()).isEqualTo(Architecture.DEFAULT.id());
      assertThat(metadata.parameterCount()).isPositive().isLessThanOrEqualTo(200_000);
    }
  }
}
