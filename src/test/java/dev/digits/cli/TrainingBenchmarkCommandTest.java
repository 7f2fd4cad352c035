package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.TestData;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's output shape with tiny bounds; the figures themselves depend on the machine. */
class TrainingBenchmarkCommandTest {
  private static String mnist;

  @BeforeAll
  static void realMnist() throws IOException {
    Optional<Path> folder = RealMnist.folder();
    assumeTrue(folder.isPresent(), "the real MNIST is not on this machine");
    mnist = folder.get().toString();
    TestData.engine();
  }

  @Test
  void throughputTableHasOneRowPerArchitecture() {
    CliRun run =
        CliRun.of(
            "benchmark",
            "training",
            "--data",
            mnist,
            "--architecture",
            "gap-cnn",
            "--batch-size",
            "16",
            "--warm-up",
            "1",
            "--batches",
            "2",
            "--inference-seconds",
            "0.05");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("Training: batch 16, augmentation on, 2 threads on ")
        .endsWith("cores; 2 batches timed after 1 warm-up");
    assertThat(lines.get(2).split(" {2,}"))
        .containsExactly(
            "architecture", "parameters", "train img/s", "s/epoch", "infer b1", "infer b16");
    assertThat(lines.get(3))
        .matches("gap-cnn +15,618 +[\\d,]+\\.\\d +[\\d,]+ +[\\d,]+\\.\\d +[\\d,]+\\.\\d");
    assertThat(lines.get(5)).startsWith("s/epoch: one epoch of the default recipe (55,000 images)");
    assertThat(run.err()).contains("measuring gap-cnn");
  }

  @Test
  void throughputAsJson() throws IOException {
    CliRun run =
        CliRun.of(
            "benchmark",
            "training",
            "--data",
            mnist,
            "--architecture",
            "gap-cnn",
            "--architecture",
            "seed-cnn",
            "--batch-size",
            "16",
            "--warm-up",
            "0",
            "--batches",
            "1",
            "--inference-seconds",
            "0.05",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("batchSize").asInt()).isEqualTo(16);
    assertThat(json.get("epochImages").asInt()).isEqualTo(55_000);
    assertThat(json.get("augmentation").asBoolean()).isTrue();
    JsonNode rows = json.get("architectures");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("architecture").asText()).isEqualTo("gap-cnn");
    assertThat(rows.get(1).get("architecture").asText()).isEqualTo("seed-cnn");
    for (JsonNode row : rows) {
      assertThat(row.get("trainingImagesPerSecond").asDouble()).isPositive();
      assertThat(row.get("secondsPerEpoch").asDouble())
          .isCloseTo(55_000 / row.get("trainingImagesPerSecond").asDouble(), within(1e-6));
      assertThat(row.get("inferenceImagesPerSecondOne").asDouble()).isPositive();
      assertThat(row.get("inferenceImagesPerSecondBatch").asDouble()).isPositive();
    }
  }

  @Test
  void timeToAccuracyStopsOnceTheTargetIsReached() {
    // Any network beats 5 % after one epoch: a single class already covers 9 % of the test set.
    CliRun run =
        CliRun.of(
            "benchmark",
            "training",
            "--data",
            mnist,
            "--architecture",
            "gap-cnn",
            "--time-to-accuracy",
            "0.05",
            "--epochs",
            "3",
            "--limit",
            "256",
            "--batch-size",
            "32");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith(
            "Time to 5.00% test accuracy: gap-cnn, default recipe (at most 3 epochs of 256 images,"
                + " batch 32), 2 threads on ");
    assertThat(lines.get(1)).isEqualTo("epoch  test accuracy  test loss  training time");
    assertThat(lines.get(2)).matches(" +1 +\\d+\\.\\d\\d% +\\d+\\.\\d{4} +\\d+ s");
    assertThat(lines.get(3)).matches("reached 5.00% after 1 epoch: \\d+ s of training .*");
    assertThat(lines).hasSize(4);
    assertThat(run.err()).contains("epoch 1/3").doesNotContain("checkpoint");
  }

  @Test
  void timeToAccuracyAsJsonWhenNotReached() throws IOException {
    CliRun run =
        CliRun.of(
            "benchmark",
            "training",
            "--data",
            mnist,
            "--architecture",
            "gap-cnn",
            "--time-to-accuracy",
            "0.9999",
            "--epochs",
            "1",
            "--limit",
            "256",
            "--batch-size",
            "32",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("architecture").asText()).isEqualTo("gap-cnn");
    assertThat(json.get("target").asDouble()).isEqualTo(0.9999);
    assertThat(json.get("trainingImages").asInt()).isEqualTo(256);
    assertThat(json.get("reached").asBoolean()).isFalse();
    assertThat(json.get("secondsToTarget").isNull()).isTrue();
    assertThat(json.get("epochs")).hasSize(1);
    assertThat(json.get("epochs").get(0).get("testAccuracy").asDouble()).isBetween(0.0, 1.0);
  }
}
