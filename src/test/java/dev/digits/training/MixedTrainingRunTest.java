package dev.digits.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.TestData;
import dev.digits.data.PenDigits;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.OutputClasses;
import dev.digits.model.TrainingConfig;
import dev.digits.model.TrainingConfig.Mixture;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run on mixed sources — a few thousand MNIST images, the training writers' pen digits
 * drawn on the canvas, generated non-digits — learns all three, never sees a validation writer, and
 * writes a calibrated model that says where its data came from.
 */
class MixedTrainingRunTest {
  @TempDir static Path dir;

  private static final TrainingConfig RUN =
      TrainingConfig.builder()
          .epochs(2)
          .batchSize(64)
          .validationSize(1000)
          .trainingLimit(3000)
          .seed(5)
          .mixture(new Mixture(1, 1500, 6))
          .build();

  @BeforeAll
  static void engine() {
    TestData.engine();
  }

  @Test
  void learnsDigitsPenDigitsAndNonDigitsAndRecordsItsSources() throws Exception {
    TrainingSources sources = TrainingSources.forMixture(TestData.mnist(), RUN.mixture());
    ModelTrainer trainer = new ModelTrainer(RUN, sources, new TrainingListener() {});
    try (TrainingOutcome outcome = trainer.train(dir.resolve("run.ckpt"), null, () -> false)) {
      ModelMetadata.EpochRecord last = outcome.history().get(outcome.history().size() - 1);
      assertThat(last.validationAccuracy()).isGreaterThan(0.9);
      // Writers never trained on, drawn in every style the page allows.
      assertThat(last.penValidationAccuracy()).isGreaterThan(0.85);
      // Twelve outputs; a network that had learned nothing would be right once in twelve.
      assertThat(last.nonDigitValidationAccuracy()).isGreaterThan(0.6);

      ModelMetadata metadata =
          trainer.saveModel(outcome, dir.resolve("mixed.model"), "mixed", "test");
      assertThat(metadata.outputs()).isEqualTo(OutputClasses.WITH_DECLINES);
      ModelMetadata.PenDigitProvenance pen = metadata.data().penDigits();
      assertThat(pen.sha256()).isEqualTo(PenDigits.BUNDLED_SHA256);
      assertThat(pen.credit()).contains("UCI").contains("CC BY 4.0");
      assertThat(pen.validationWriters()).hasSize(6);
      Set<Integer> both = new HashSet<>(pen.trainingWriters());
      both.retainAll(pen.validationWriters());
      assertThat(both).isEmpty();
      assertThat(pen.trainingWriters().size() + pen.validationWriters().size()).isEqualTo(30);
      assertThat(metadata.data().nonDigits().fonts()).isNotEmpty();
      assertThat(metadata.data().nonDigits().heldOutKinds()).contains("doodle", "word");
      ModelMetadata.Calibration calibration = metadata.calibration();
      assertThat(calibration.temperature()).isBetween(0.25, 8.0);
      assertThat(calibration.declineThreshold()).isBetween(0.0, 1.0);
      assertThat(calibration.validation()).containsKeys("heldOut.doodle.declined");
      assertThat(metadata.metrics().testAcceptedAccuracy())
          .isLessThanOrEqualTo(metadata.metrics().testAccuracy());
      assertThat(ModelFile.readMetadata(dir.resolve("mixed.model"))).isEqualTo(metadata);
    }
  }
}
