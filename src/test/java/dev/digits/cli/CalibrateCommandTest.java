package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.digits.TestData;
import dev.digits.TestModels;
import dev.digits.io.Sha256;
import dev.digits.model.Architecture;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digits calibrate}: a temperature and thresholds written into a copy, weights untouched.
 */
class CalibrateCommandTest {
  @TempDir Path dir;

  /**
   * An untrained gap-cnn whose recipe held out 500 MNIST images and one pen writer to validate on:
   * little to calibrate on, so the command runs in seconds.
   */
  private Path smallRecipeModel() throws IOException {
    TestData.engine();
    Path file = dir.resolve("small.model");
    try (Model model = Model.newInstance("small")) {
      model.setBlock(Architecture.GAP_CNN.newBlock(10));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
      ModelMetadata metadata =
          TestModels.metadata(
              "small", Architecture.GAP_CNN, ModelFile.trainableParameterCount(model.getBlock()));
      TrainingConfig recipe =
          metadata.training().toBuilder()
              .validationSize(500)
              .mixture(new TrainingConfig.Mixture(0, 0, 1))
              .build();
      ModelFile.save(file, model.getBlock(), metadata.toBuilder().training(recipe).build());
    }
    return file;
  }

  @Test
  void writesACalibratedCopyWithTheSameWeights() throws IOException {
    Path model = smallRecipeModel();
    Path output = dir.resolve("calibrated.model");

    CliRun run = CliRun.of("calibrate", model.toString(), "--output", output.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("wrote " + output + ": temperature ");
    assertThat(Sha256.hex(weights(output))).isEqualTo(Sha256.hex(weights(model)));
    ModelMetadata before = ModelFile.readMetadata(model);
    ModelMetadata after = ModelFile.readMetadata(output);
    assertThat(after.weightsSha256()).isEqualTo(before.weightsSha256());
    assertThat(before.calibration()).isNull();
    ModelMetadata.Calibration calibration = after.calibration();
    assertThat(calibration).isNotNull();
    assertThat(calibration.temperature()).isBetween(0.25, 8.0);
    assertThat(calibration.declineThreshold()).isBetween(0.0, 1.0);
    assertThat(calibration.unsureThreshold()).isBetween(0.0, 0.9);
    assertThat(calibration.validation())
        .containsKeys("mnistEceBefore", "mnistEceAfter", "penDeclined");
    ModelMetadata.Metrics measured = after.metrics();
    assertThat(measured.testAccuracy()).as("re-measured on the test set").isBetween(0.0, 1.0);
    assertThat(measured.testLoss()).isPositive();
    assertThat(measured.testAcceptedAccuracy()).isBetween(0.0, measured.testAccuracy());
    assertThat(measured.testDeclineRate()).isBetween(0.0, 1.0);
    assertThat(measured)
        .as("the training figures are kept")
        .usingRecursiveComparison()
        .comparingOnlyFields("validationAccuracy", "epochsCompleted", "trainingSeconds")
        .isEqualTo(before.metrics());
    assertThat(after.toBuilder().calibration(null).metrics(before.metrics()).build())
        .as("nothing but the calibration and the test figures changes")
        .isEqualTo(before);
  }

  @Test
  void withoutOutputItCalibratesTheFileInPlace() throws IOException {
    Path model = smallRecipeModel();
    byte[] weights = weights(model);

    CliRun run = CliRun.of("calibrate", model.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ModelFile.readMetadata(model).calibration()).isNotNull();
    assertThat(weights(model)).isEqualTo(weights);
  }

  private static byte[] weights(Path modelFile) throws IOException {
    try (InputStream file = Files.newInputStream(modelFile);
        ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals("weights.params")) {
          return zip.readAllBytes();
        }
      }
    }
    throw new AssertionError(modelFile + " has no weights");
  }
}
