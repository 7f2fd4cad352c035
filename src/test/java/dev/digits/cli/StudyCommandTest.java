package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.data.FetchListener;
import dev.digits.data.MnistCache;
import dev.digits.data.MnistFetcher;
import dev.digits.io.Json;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
  @TempDir Path tmp;

  @Test
  void quickStudyWritesFourModelsTheNumbersAndTheReport() throws Exception {
    Path mnist = MnistFetcher.ensureAvailable(MnistCache.defaultDirectory(), FetchListener.SILENT);
    Path out = tmp.resolve("study");

    // The quick study's sizes with the zoo's smallest network: this is about the study's flow
    // and files, which are the same for every architecture, at a tenth of digits-cnn's cost.
    CliRun run =
        CliRun.of(
            "study",
            "--quick",
            "--arch",
            "gap-cnn",
            "--threads",
            "2",
            "--data",
            mnist.toString(),
            "--output",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("[L1+L2] epoch 1/1");
    assertThat(run.out()).contains("wrote " + out.resolve("index.html"));
    for (String variant : List.of("none", "l1", "l2", "l1-l2")) {
      ModelMetadata model = ModelFile.readMetadata(out.resolve(variant + ".model"));
      assertThat(model.name()).isEqualTo("study-" + variant);
      assertThat(model.description()).contains("regularization study");
      assertThat(model.data().trainingExamples()).isEqualTo(4000);
      assertThat(model.data().testExamples()).isEqualTo(2000);
      assertThat(out.resolve(variant + ".model.ckpt")).doesNotExist();
    }

    JsonNode study = Json.mapper().readTree(out.resolve("study.json").toFile());
    assertThat(study.get("testImages").asInt()).isEqualTo(2000);
    for (JsonNode variant : study.get("variants")) {
      double accuracy = variant.get("testAccuracy").asDouble();
      assertThat(variant.get("misclassified").asInt())
          .as(variant.get("id").asText())
          .isEqualTo((int) Math.round((1 - accuracy) * 2000))
          .isEqualTo(variant.get("mistakes").size());
      assertThat(variant.get("history")).hasSize(1);
    }
    assertThat(study.at("/variants/0/finalPenalty").asDouble()).isZero();
    assertThat(study.at("/variants/1/finalPenalty").asDouble()).isPositive();
    assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("http://", "https://");
  }

  @Test
  void resumeKeepsTheSavedRecipe() {
    CliRun run = CliRun.of("study", "--resume", "--epochs", "3", "--output", tmp.toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err()).contains("--epochs cannot be combined with --resume");
  }

  @Test
  void resumeNeedsAStartedStudy() {
    CliRun run = CliRun.of("study", "--resume", "--output", tmp.toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err()).contains("no study to resume in " + tmp);
  }

  @Test
  void oneVariantIsTrainedAndTheReportWaitsForTheOthers() throws Exception {
    Path mnist = MnistFetcher.ensureAvailable(MnistCache.defaultDirectory(), FetchListener.SILENT);
    Path out = tmp.resolve("study");

    CliRun run =
        CliRun.of(
            "study",
            "--quick",
            "--arch",
            "gap-cnn",
            "--limit",
            "256",
            "--validation",
            "200",
            "--test-limit",
            "100",
            "--variant",
            "2",
            "--data",
            mnist.toString(),
            "--output",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("l2.model")).exists();
    assertThat(out.resolve("none.model")).doesNotExist();
    assertThat(out.resolve("study.json")).doesNotExist();
    assertThat(run.err())
        .contains("the report waits for none, l1, l1-l2: the run that trains the last of them");
  }

  @Test
  void anUnknownVariantIsOneLineAndExitOne() {
    CliRun run = CliRun.of("study", "--variant", "l3", "--output", tmp.toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err())
        .contains("no study variant 'l3': give none, l1, l2 or l1-l2, or its index 0 to 3");
    assertThat(run.err().lines()).hasSize(1);
  }
}
