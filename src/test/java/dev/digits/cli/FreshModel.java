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
      model.setBlock(architecture.newBlock());
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
        new TrainingConfig(
            architecture.id(),
            1,
            32,
            TrainingConfig.OptimizerKind.ADAM,
            0.001f,
            TrainingConfig.Schedule.CONSTANT,
            0,
            0,
            TrainingConfig.Augmentation.NONE,
            1,
            0,
            0);
    return new ModelMetadata(
        ModelMetadata.FORMAT_VERSION,
        name,
        "an untrained test model",
        architecture.id(),
        parameters,
        ModelMetadata.InputSpec.MNIST,
        config,
        new ModelMetadata.DataProvenance(Map.of(), 0, 0, 0),
        // Never evaluated, as a model trained without a validation split or test run: null
        // accuracies must not break the model listing or the predictions that name the model.
        new ModelMetadata.Metrics(null, null, null, null, 0, 0.0, 0.0),
        List.of(),
        "2026-01-01T00:00:00Z",
        "unknown",
        Map.of("java", "17"),
        null);
  }
}
