package dev.digits.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.TestData;
import dev.digits.io.Sha256;
import dev.digits.model.Architecture;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import dev.digits.model.TrainingConfig.Augmentation;
import dev.digits.model.TrainingConfig.OptimizerKind;
import dev.digits.model.TrainingConfig.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    TestData.engine();
  }

  private static TrainingConfig smallRun(int images, int epochs, float l1, float l2) {
    return TrainingConfig.builder()
        .architecture(Architecture.DEFAULT.id())
        .epochs(epochs)
        .batchSize(64)
        .optimizer(OptimizerKind.ADAM)
        .learningRate(0.003f)
        .schedule(Schedule.ONE_CYCLE)
        .penalties(l1, l2)
        .augmentation(new Augmentation(10, 0.1f, 2, 0.3f))
        .seed(7)
        .validationSize(1000)
        .trainingLimit(images)
        .mixture(TrainingConfig.Mixture.MNIST_ONLY)
        .build();
  }

  private static TrainingConfig plainRun(int images) {
    return TrainingConfig.builder()
        .architecture(Architecture.DEFAULT.id())
        .epochs(1)
        .batchSize(64)
        .optimizer(OptimizerKind.ADAM)
        .learningRate(0.003f)
        .schedule(Schedule.ONE_CYCLE)
        .penalties(0, 0)
        .augmentation(Augmentation.NONE)
        .seed(7)
        .validationSize(1000)
        .trainingLimit(images)
        .mixture(TrainingConfig.Mixture.MNIST_ONLY)
        .build();
  }

  @Test
  void learnsWellAboveChanceInOneEpochOnAFewThousandImages() throws Exception {
    ModelTrainer trainer =
        new ModelTrainer(plainRun(4000), TestData.mnist(), new TrainingListener() {});
    try (TrainingOutcome outcome = trainer.train(dir.resolve("run.ckpt"), null, () -> false)) {
      assertThat(outcome.completed()).isTrue();
      assertThat(outcome.history()).hasSize(1);
      assertThat(outcome.history().get(0).validationAccuracy()).isGreaterThan(0.85);

      ModelMetadata metadata =
          trainer.saveModel(outcome, dir.resolve("small.model"), "small", "test");
      assertThat(metadata.metrics().testAccuracy()).isGreaterThan(0.85);
      assertThat(metadata.data().trainingExamples()).isEqualTo(4000);
      assertThat(metadata.data().validationExamples()).isEqualTo(1000);
      assertThat(metadata.data().sha256()).hasSize(4);
      assertThat(metadata.training()).isEqualTo(plainRun(4000));
      assertThat(ModelFile.readMetadata(dir.resolve("small.model"))).isEqualTo(metadata);
    }
  }

  @Test
  void sameSeedGivesIdenticalWeights() throws Exception {
    assertThat(trainWeights(smallRun(640, 1, 0, 0)))
        .isEqualTo(trainWeights(smallRun(640, 1, 0, 0)));
  }

  @Test
  void differentSeedGivesDifferentWeights() throws Exception {
    TrainingConfig base = smallRun(640, 1, 0, 0);
    TrainingConfig otherSeed = base.toBuilder().seed(8).build();
    assertThat(trainWeights(base)).isNotEqualTo(trainWeights(otherSeed));
  }

  @Test
  void resumedRunEndsWithExactlyTheWeightsOfAnUninterruptedOne() throws Exception {
    TrainingConfig config = smallRun(640, 2, 1e-5f, 1e-4f);
    String uninterrupted = trainWeights(config);

    Path checkpoint = dir.resolve("resume.ckpt");
    AtomicInteger batches = new AtomicInteger();
    TrainingListener counter =
        new TrainingListener() {
          @Override
          public void batchFinished(Progress progress) {
            batches.incrementAndGet();
          }
        };
    ModelTrainer first = new ModelTrainer(config, TestData.mnist(), counter);
    // Stop in the middle of the second epoch (10 batches per epoch).
    try (TrainingOutcome stopped = first.train(checkpoint, null, () -> batches.get() >= 13)) {
      assertThat(stopped.completed()).isFalse();
    }
    assertThat(checkpoint).exists();
    Checkpoint saved = Checkpoint.load(checkpoint);
    assertThat(saved.state().epoch()).isEqualTo(1);
    assertThat(saved.state().batch()).isEqualTo(3);
    assertThat(saved.state().history()).hasSize(1);

    ModelTrainer second = new ModelTrainer(config, TestData.mnist(), new TrainingListener() {});
    try (TrainingOutcome resumed = second.train(checkpoint, saved, () -> false)) {
      assertThat(resumed.completed()).isTrue();
      assertThat(resumed.history()).hasSize(2);
      assertThat(weightsHash(resumed)).isEqualTo(uninterrupted);
    }
  }

  @Test
  void checkpointIsWrittenAfterEachEpochButTheLast() throws Exception {
    Path checkpoint = dir.resolve("epochs.ckpt");
    AtomicInteger written = new AtomicInteger();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void checkpointWritten(Path file, boolean interrupted) {
            assertThat(interrupted).isFalse();
            written.incrementAndGet();
          }
        };
    ModelTrainer trainer = new ModelTrainer(smallRun(640, 3, 0, 0), TestData.mnist(), listener);
    try (TrainingOutcome outcome = trainer.train(checkpoint, null, () -> false)) {
      assertThat(outcome.completed()).isTrue();
    }
    assertThat(written).hasValue(2);
    assertThat(Checkpoint.load(checkpoint).state().epoch()).isEqualTo(2);
    assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".part"))).isEmpty();
  }

  /** Trains from scratch and returns the SHA-256 of the final weights. */
  private String trainWeights(TrainingConfig config) throws Exception {
    ModelTrainer trainer = new ModelTrainer(config, TestData.mnist(), new TrainingListener() {});
    try (TrainingOutcome outcome =
        trainer.train(Files.createTempFile(dir, "w", ".ckpt"), null, () -> false)) {
      return weightsHash(outcome);
    }
  }

  private static String weightsHash(TrainingOutcome outcome) throws Exception {
    return Sha256.hex(ModelFile.weightsOf(outcome.model().getBlock()));
  }
}
