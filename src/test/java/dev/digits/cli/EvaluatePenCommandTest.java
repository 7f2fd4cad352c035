package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.TestModels;
import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits evaluate --pen}: pen digits of real writers, overall and writer by writer. */
class EvaluatePenCommandTest {
  @TempDir static Path dir;
  private static Path model;
  private static Path images;
  private static Path labels;
  private static Path pen;

  @BeforeAll
  static void files() throws IOException {
    model = TestModels.untrained(dir.resolve("untrained.model"), "untrained");
    images = IdxFiles.images(dir.resolve("images.idx"), 20);
    labels = IdxFiles.labels(dir.resolve("labels.idx"), 20);
    // Four digits of writer 12 and three of writer 26, the first of each in the bundled file.
    List<PenDigit> chosen = new ArrayList<>();
    for (PenDigit digit : PenDigits.bundled().digits()) {
      long ofWriter = chosen.stream().filter(d -> d.writer() == digit.writer()).count();
      if ((digit.writer() == 12 && ofWriter < 4) || (digit.writer() == 26 && ofWriter < 3)) {
        chosen.add(digit);
      }
    }
    pen = UnipenFiles.write(dir.resolve("seven.unipen"), chosen);
  }

  private static CliRun evaluate(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                model.toString(),
                "--images",
                images.toString(),
                "--labels",
                labels.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void printsPenFiguresOverallAndPerWriter() {
    CliRun run = evaluate("--pen", pen.toString(), "--renders", "2", "--seed", "5");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Pen digits: " + pen + ", 14 drawings (each digit drawn 2×, seed 5)")
        .contains("writer  drawings  accuracy  with declines");
    assertThat(run.out().lines().filter(line -> line.matches("\\s+12\\s+8\\s+.*%.*%"))).hasSize(1);
    assertThat(run.out().lines().filter(line -> line.matches("\\s+26\\s+6\\s+.*%.*%"))).hasSize(1);
  }

  @Test
  void theJsonHasThePenFiguresOfEveryWriter() throws IOException {
    CliRun run = evaluate("--pen", pen.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode figures = Json.mapper().readTree(run.out()).get("pen");
    assertThat(figures.get("source").asText()).isEqualTo(pen.toString());
    assertThat(figures.get("count").asInt()).isEqualTo(7);
    assertThat(figures.get("renders").asInt()).isEqualTo(1);
    JsonNode writers = figures.get("writers");
    assertThat(writers).hasSize(2);
    assertThat(writers.get(0).get("writer").asInt()).isEqualTo(12);
    assertThat(writers.get(0).get("count").asInt()).isEqualTo(4);
    assertThat(writers.get(1).get("writer").asInt()).isEqualTo(26);
    assertThat(writers.get(1).get("count").asInt()).isEqualTo(3);
    for (JsonNode writer : writers) {
      assertThat(writer.get("accuracy").asDouble()).isBetween(0.0, 1.0);
      assertThat(writer.get("acceptedAccuracy").asDouble())
          .isBetween(0.0, writer.get("accuracy").asDouble());
    }
  }

  @Test
  void theSameSeedDrawsTheSameFigures() throws IOException {
    JsonNode once = Json.mapper().readTree(evaluate("--pen", pen.toString(), "--json").out());
    JsonNode again = Json.mapper().readTree(evaluate("--pen", pen.toString(), "--json").out());

    assertThat(again.get("pen")).isEqualTo(once.get("pen"));
  }

  @Test
  void withoutPenThereAreNoPenFigures() throws IOException {
    CliRun run = evaluate("--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode figures = Json.mapper().readTree(run.out()).get("pen");
    assertThat(figures == null || figures.isNull()).isTrue();
  }
}
