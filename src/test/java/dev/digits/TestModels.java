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
        new TrainingConfig(
            architecture.id(),
            1,
            32,
            OptimizerKind.ADAM,
            0.001f,
            Schedule.CONSTANT,
            0,
            0,
            Augmentation.NONE,
            1,
            0,
            0);
    return new ModelMetadata(
        ModelMetadata.FORMAT_VERSION,
        name,
        "a test model",
        architecture.id(),
        parameters,
        ModelMetadata.InputSpec.MNIST,
        config,
        new ModelMetadata.DataProvenance(Map.of("train-images-idx3-ubyte", "00"), 1, 0, 0),
        new ModelMetadata.Metrics(null, null, 0.5, 1.0, 1, 1.0, 0.0),
        List.of(),
        "2026-01-01T00:00:00Z",
        "unknown",
        Map.of("java", "17"),
        null);
  }

  /**
   * Writes a valid model file of the small gap-cnn with its random initial weights: it loads and
   * answers like any model, just not well.
   */
  public static Path untrained(Path file, String name) throws IOException {
    TestData.engine();
    try (Model model = Model.newInstance("untrained")) {
      model.setBlock(Architecture.GAP_CNN.newBlock());
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
