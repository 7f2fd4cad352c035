package dev.digits;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.digits.model.Architecture;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import dev.digits.model.TrainingConfig.Augmentation;
import dev.digits.model.TrainingConfig.OptimizerKind;
import dev.digits.model.TrainingConfig.Schedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Model files and metadata for tests that need a model but not a trained one. */
public final class TestModels {
  private TestModels() {}

  /** Plausible metadata for a model of {@code architecture} called {@code name}. */
  public static ModelMetadata metadata(String name, Architecture architecture, long parameters) {
    TrainingConfig config =
        TrainingConfig.builder()
            .architecture(architecture.id())
            .epochs(1)
            .batchSize(32)
            .optimizer(OptimizerKind.ADAM)
            .learningRate(0.001f)
            .schedule(Schedule.CONSTANT)
            .penalties(0, 0)
            .augmentation(Augmentation.NONE)
            .seed(1)
            .validationSize(0)
            .trainingLimit(0)
            .mixture(TrainingConfig.Mixture.MNIST_ONLY)
            .build();
    return ModelMetadata.builder()
        .name(name)
        .description("a test model")
        .architecture(architecture.id())
        .parameterCount(parameters)
        .input(ModelMetadata.InputSpec.MNIST)
        .training(config)
        .data(new ModelMetadata.DataProvenance(Map.of("train-images-idx3-ubyte", "00"), 1, 0, 0))
        .metrics(new ModelMetadata.Metrics(null, null, 0.5, 1.0, 1, 1.0, 0.0))
        .history(List.of())
        .createdAt("2026-01-01T00:00:00Z")
        .gitCommit("unknown")
        .software(Map.of("java", "17"))
        .build();
  }

  /**
   * Writes a valid model file of the small gap-cnn with its random initial weights: it loads and
   * answers like any model, just not well.
   */
  public static Path untrained(Path file, String name) throws IOException {
    TestData.engine();
    try (Model model = Model.newInstance("untrained")) {
      model.setBlock(Architecture.GAP_CNN.newBlock(10));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
      ModelFile.save(
          file,
          model.getBlock(),
          metadata(
              name, Architecture.GAP_CNN, ModelFile.trainableParameterCount(model.getBlock())));
      return file;
    }
  }
}
