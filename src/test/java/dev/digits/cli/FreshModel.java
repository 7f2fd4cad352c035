package dev.digits.cli;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.digits.TestData;
import dev.digits.model.Architecture;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Untrained model files written in milliseconds: the serving commands need a real model to load,
 * not a good one.
 */
final class FreshModel {
  private FreshModel() {}

  /** Writes a randomly initialized gap-cnn named {@code name} to {@code file}. */
  static Path save(Path file, String name) throws IOException {
    TestData.engine();
    Architecture architecture = Architecture.GAP_CNN;
    try (Model model = Model.newInstance(name)) {
      model.setBlock(architecture.newBlock(10));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
      ModelFile.save(
          file,
          model.getBlock(),
          metadata(name, architecture, ModelFile.trainableParameterCount(model.getBlock())));
      return file;
    }
  }

  private static ModelMetadata metadata(String name, Architecture architecture, long parameters) {
    TrainingConfig config =
        TrainingConfig.builder()
            .architecture(architecture.id())
            .epochs(1)
            .batchSize(32)
            .optimizer(TrainingConfig.OptimizerKind.ADAM)
            .learningRate(0.001f)
            .schedule(TrainingConfig.Schedule.CONSTANT)
            .penalties(0, 0)
            .augmentation(TrainingConfig.Augmentation.NONE)
            .seed(1)
            .validationSize(0)
            .trainingLimit(0)
            .mixture(TrainingConfig.Mixture.MNIST_ONLY)
            .build();
    return ModelMetadata.builder()
        .name(name)
        .description("an untrained test model")
        .architecture(architecture.id())
        .parameterCount(parameters)
        .input(ModelMetadata.InputSpec.MNIST)
        .training(config)
        .data(new ModelMetadata.DataProvenance(Map.of(), 0, 0, 0))
        // Never evaluated, as a model trained without a validation split or test run: null
        // accuracies must not break the model listing or the predictions that name the model.
        .metrics(new ModelMetadata.Metrics(null, null, null, null, 0, 0.0, 0.0))
        .history(List.of())
        .createdAt("2026-01-01T00:00:00Z")
        .gitCommit("unknown")
        .software(Map.of("java", "17"))
        .build();
  }
}
