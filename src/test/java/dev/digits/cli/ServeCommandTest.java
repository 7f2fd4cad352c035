package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.benchmark.CanvasDrawings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits serve} in-process: it listens, loads, answers, stops, and refuses bad setups. */
class ServeCommandTest {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path models;
  private static String alpha;
  private static String beta;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void writeModels() throws IOException {
    alpha = FreshModel.save(models.resolve("alpha.model"), "alpha").toString();
    beta = FreshModel.save(models.resolve("beta.model"), "beta").toString();
  }

  @Test
  void listensLoadsAnswersAndStops() throws Exception {
    int port;
    try (BackgroundCommand serve =
        BackgroundCommand.start("serve", "--host", "127.0.0.1", "--port", "0", "--model", alpha)) {
      Matcher serving =
          serve.awaitOutput(
              "digits: serving on http://127\\.0\\.0\\.1:(\\d+) \\(models: .*alpha\\.model\\)",
              STARTUP);
      port = Integer.parseInt(serving.group(1));
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
      serve.awaitOutput("digits: ready in [0-9.]+ s; default model: alpha", STARTUP);
      assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);

      HttpResponse<String> predicted =
          send(
              HttpRequest.newBuilder(uri(port, "/api/predict"))
                  .header("Content-Type", "image/png")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          CanvasDrawings.generate(1, 7).get(0).png()))
                  .build());
      assertThat(predicted.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(predicted.body());
      assertThat(body.get("digit").asInt()).isBetween(0, 9);
      assertThat(body.get("model").get("name").asText()).isEqualTo("alpha");

      assertThat(serve.stop()).isZero();
      assertThat(serve.out()).endsWith("digits: stopped" + System.lineSeparator());
    }
    assertThatThrownBy(() -> get(port, "/healthz")).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void exitWhenReadyLoadsEveryModelThenStopsWithExitCode0() throws Exception {
    CliRun run =
        CliRun.of(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--model",
            alpha + "," + beta,
            "--exit-when-ready");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher serving =
        Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)").matcher(run.out());
    assertThat(serving.find()).as(run.out()).isTrue();
    assertThat(run.out())
        .containsPattern("digits: ready in [0-9.]+ s; default model: alpha; all 2 models in")
        .endsWith("digits: stopped" + System.lineSeparator());
    int port = Integer.parseInt(serving.group(1));
    assertThatThrownBy(() -> get(port, "/healthz")).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void offersSeveralModelsWithTheChosenDefault() throws Exception {
    try (BackgroundCommand serve =
        BackgroundCommand.start(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--model",
            alpha,
            "--model",
            beta,
            "--default-model",
            "beta",
            "--threads",
            "2",
            "--max-server-threads",
            "16",
            "--request-nice",
            "3")) {
      int port =
          Integer.parseInt(serve.awaitOutput("http://127\\.0\\.0\\.1:(\\d+)", STARTUP).group(1));
      serve.awaitOutput("default model: beta", STARTUP);

      HttpResponse<String> models = get(port, "/api/models");
      assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
      JsonNode listed = JSON.readTree(models.body());
      assertThat(listed.get("default").asText()).isEqualTo("beta");
      assertThat(listed.get("models").findValuesAsText("name")).containsExactly("alpha", "beta");
    }
  }

  @Test
  void aRequestBodyOverTheLimitIsRefused() throws Exception {
    try (BackgroundCommand serve =
        BackgroundCommand.start(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--model",
            alpha,
            "--max-request-bytes",
            "2048")) {
      int port =
          Integer.parseInt(serve.awaitOutput("http://127\\.0\\.0\\.1:(\\d+)", STARTUP).group(1));
      serve.awaitOutput("ready in", STARTUP);

      HttpResponse<String> refused =
          send(
              HttpRequest.newBuilder(uri(port, "/api/predict"))
                  .header("Content-Type", "image/png")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]))
                  .build());
      assertThat(refused.statusCode()).isEqualTo(413);
    }
  }

  @Test
  void aMissingModelFileIsOneLineAndExitCode1() {
    CliRun run =
        CliRun.of("serve", "--port", "0", "--model", models.resolve("none.model").toString());

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "digits: "
                + models.resolve("none.model")
                + ": no such model file, and no bundled model has that name");
  }

  @Test
  void anUnknownDefaultModelIsOneLineAndExitCode1() {
    CliRun run =
        CliRun.of(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--model",
            alpha,
            "--default-model",
            "gamma");

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err().lines())
        .containsExactly("digits: no model named 'gamma'; the catalog has alpha");
  }

  @Test
  void aTakenPortIsOneLineAndExitCode1() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      CliRun run =
          CliRun.of(
              "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--model", alpha);

      assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .startsWith("digits: cannot listen on 127.0.0.1:" + port + ": ")
          .endsWith("; choose another port with --port");
    }
  }

  @Test
  void badFlagsAreRefusedBeforeListening() {
    CliRun threads = CliRun.of("serve", "--threads", "0", "--model", alpha);
    assertThat(threads.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(threads.err()).isEqualTo("digits: --threads must be ≥ 1" + System.lineSeparator());

    CliRun port = CliRun.of("serve", "--port", "65536", "--model", alpha);
    assertThat(port.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(port.err()).contains("port must be in 0..65535, got 65536");

    CliRun serverThreads = CliRun.of("serve", "--max-server-threads", "2", "--model", alpha);
    assertThat(serverThreads.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(serverThreads.err()).contains("Jetty needs at least 8 threads, got 2");

    CliRun nice = CliRun.of("serve", "--request-nice", "20", "--model", alpha);
    assertThat(nice.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(nice.err()).contains("the request threads' nice increment must be in 0..19, got 20");

    CliRun connections = CliRun.of("serve", "--max-connections", "0", "--model", alpha);
    assertThat(connections.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(connections.err()).contains("the connection limit must be at least 1, got 0");

    CliRun notANumber = CliRun.of("serve", "--port", "http");
    assertThat(notANumber.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(notANumber.err().lines())
        .containsExactly(
            "digits: invalid value for option '--port': 'http' is not an int;"
                + " see 'digits serve --help'");
  }

  @Test
  @DisabledOnOs(
      value = OS.WINDOWS,
      disabledReason = "Windows has no SIGTERM: Process.destroy() skips the shutdown hooks")
  void sigtermStopsCleanly() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DigitsCommand.class.getName(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--model",
                alpha)
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader output =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      Matcher serving =
          Pattern.compile("digits: serving on http://127\\.0\\.0\\.1:(\\d+) .*")
              .matcher(firstLineStartingWith(output, "digits: serving on"));
      assertThat(serving.matches()).isTrue();
      int port = Integer.parseInt(serving.group(1));
      firstLineStartingWith(output, "digits: ready in");
      assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);

      // SIGTERM, as a service manager sends; Process.destroy() would also close the output.
      child.toHandle().destroy();

      assertThat(firstLineStartingWith(output, "digits: ")).isEqualTo("digits: stopped");
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(128 + 15);
    } finally {
      child.destroyForcibly();
    }
  }

  private static String firstLineStartingWith(BufferedReader output, String prefix)
      throws IOException {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("the child ended without a line starting with " + prefix);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
