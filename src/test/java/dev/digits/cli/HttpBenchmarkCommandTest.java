package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits benchmark http}, briefly: against its own server and against {@code serve}. */
class HttpBenchmarkCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path models;
  private static String model;

  @BeforeAll
  static void writeModel() throws IOException {
    model = FreshModel.save(models.resolve("tiny.model"), "tiny").toString();
  }

  @Test
  void measuresAnInProcessServerLevelByLevel() throws Exception {
    CliRun run =
        CliRun.of(
            "benchmark",
            "http",
            "--model",
            model,
            "--clients",
            "1,3",
            "--duration",
            "0.5",
            "--warmup",
            "0.2",
            "--server-warmup",
            "0.3",
            "--background",
            "white",
            "--drawings",
            "5",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("server").asText()).startsWith("in-process server, model tiny");
    assertThat(report.get("drawings").asInt()).isEqualTo(5);
    assertThat(report.get("processor").asText()).isNotBlank();
    assertThat(report.get("background").asText()).isEqualTo("white");
    assertThat(report.get("serverWarmupSeconds").asDouble()).isEqualTo(0.3);
    JsonNode levels = report.get("levels");
    assertThat(levels).hasSize(2);
    for (JsonNode level : levels) {
      assertThat(level.get("requests").asLong()).isPositive();
      assertThat(level.get("errors").asLong()).isZero();
      assertThat(level.get("requestsPerSecond").asDouble()).isPositive();
      assertThat(level.get("p50Millis").asDouble())
          .isPositive()
          .isLessThanOrEqualTo(level.get("p99Millis").asDouble());
      assertThat(level.get("p99Millis").asDouble())
          .isLessThanOrEqualTo(level.get("maxMillis").asDouble());
      assertThat(level.get("clientCpuMicrosPerRequest").asDouble()).isPositive();
      assertThat(level.get("serverCpuMicrosPerRequest").isNumber()).isTrue();
    }
    assertThat(levels.get(1).get("clients").asInt()).isEqualTo(3);
  }

  @Test
  void measuresARunningServerWithDataUrlsAndPrintsATable() throws Exception {
    try (BackgroundCommand serve =
        BackgroundCommand.start("serve", "--host", "127.0.0.1", "--port", "0", "--model", model)) {
      String url = serve.awaitOutput("http://127\\.0\\.0\\.1:\\d+", Duration.ofSeconds(60)).group();

      CliRun run =
          CliRun.of(
              "benchmark",
              "http",
              "--url",
              url,
              "--clients",
              "2",
              "--duration",
              "0.4",
              "--warmup",
              "0",
              "--server-warmup",
              "0",
              "--drawings",
              "3",
              "--format",
              "json",
              "--include-input");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("POST " + url + "/api/predict (JSON data URL, includeInput) with 3 canvas")
          .contains("white background")
          .contains("server at " + url)
          .contains("clients   requests/s   p50 ms");
      String row =
          run.out().lines().filter(line -> line.matches("\\s+2\\s.*")).findFirst().orElseThrow();
      assertThat(row).endsWith("n/a");
    }
  }

  @Test
  void badFlagsAreOneLineAndExitCode1() {
    assertThat(CliRun.of("benchmark", "http", "--clients", "0").err())
        .isEqualTo("digits: --clients must be numbers from 1 to 4096" + System.lineSeparator());
    assertThat(CliRun.of("benchmark", "http", "--format", "xml").err())
        .isEqualTo("digits: --format is png or json, not xml" + System.lineSeparator());
    assertThat(CliRun.of("benchmark", "http", "--background", "grey").err())
        .isEqualTo(
            "digits: --background is transparent or white, not grey" + System.lineSeparator());
    assertThat(CliRun.of("benchmark", "http", "--server-warmup", "-1").err())
        .contains("--server-warmup ≥ 0");
    assertThat(CliRun.of("benchmark", "http", "--url", "https://localhost:8443").err())
        .startsWith("digits: only http:// URLs can be load-tested");
    assertThat(CliRun.of("benchmark", "http", "--server-pid", "1").err())
        .startsWith("digits: --server-pid goes with --url");
    CliRun noDuration = CliRun.of("benchmark", "http", "--duration", "0");
    assertThat(noDuration.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(noDuration.err()).contains("--duration must be > 0");
  }

  @Test
  void benchmarkWithoutASubcommandShowsItsUsage() {
    CliRun run = CliRun.of("benchmark");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: digits benchmark").contains("http");
  }
}
