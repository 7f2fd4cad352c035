package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.TestModels;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;
  private Path model;
  private Path images;
  private Path labels;

  @BeforeEach
  void smallSet() throws IOException {
    model = TestModels.untrained(dir.resolve("untrained.model"), "untrained");
    images = IdxFiles.images(dir.resolve("images.idx"), 30);
    labels = IdxFiles.labels(dir.resolve("labels.idx"), 30);
  }

  @Test
  void printsTablesByDefault() {
    CliRun run =
        CliRun.of("evaluate", model.toString(), "--images", images + "", "--labels", labels + "");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Model:     untrained (gap-cnn)", "Data:      images.idx, 30 images")
        .contains("digit  support  precision  recall      F1")
        .contains("Confusion matrix (rows: true digit, columns: predicted digit)");
  }

  @Test
  void reportGoesToItsFolderAndJsonStaysAloneOnStandardOutput() throws IOException {
    Path report = dir.resolve("report");

    CliRun run =
        CliRun.of(
            "evaluate",
            model.toString(),
            "--images",
            images.toString(),
            "--labels",
            labels.toString(),
            "--mistakes",
            "5",
            "--json",
            "--report",
            report.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("count").asInt()).isEqualTo(30);
    assertThat(json.get("mistakes").size()).isLessThanOrEqualTo(5);
    assertThat(run.err()).contains("wrote " + report.resolve("index.html"));
    String html = Files.readString(report.resolve("index.html"));
    assertThat(html)
        .contains("<h1>untrained</h1>", "Evaluated on images.idx, 30 images.")
        .contains(json.get("totalMistakes").asInt() + "</span><span class=\"label\">Mistakes");
  }
}
