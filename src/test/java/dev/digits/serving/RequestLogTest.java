package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One log line per request, plain or JSON, each naming the request's X-Request-Id. */
class RequestLogTest {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  @Test
  void aClientsRequestIdIsEchoedAndLogged() throws InterruptedException {
    try (RunningServer server = start(LogFormat.JSON)) {
      HttpResponse<String> response =
          server.send(
              HttpRequest.newBuilder(server.uri("/api/predict"))
                  .header("Content-Type", "image/png")
                  .header("X-Request-Id", "lb-7f3a:42")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.tallPng()))
                  .build());

      assertThat(response.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a:42");
      JsonNode line = RunningServer.json(nextLine());
      assertThat(line.get("id").asText()).isEqualTo("lb-7f3a:42");
      assertThat(line.get("method").asText()).isEqualTo("POST");
      assertThat(line.get("route").asText()).isEqualTo("/api/predict");
      assertThat(line.get("status").asInt()).isEqualTo(200);
      assertThat(line.get("bytes").asLong()).isEqualTo(response.body().length());
      assertThat(line.get("durationMs").asDouble()).isPositive();
      assertThat(line.get("model").asText()).isEqualTo("fake-a");
      assertThat(line.get("answer").asText()).startsWith(FakeClassifier.TALL + " (0.");
      assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(line.has("error")).isFalse();
    }
  }

  @Test
  void aRequestWithoutAnIdGetsANewOne() throws InterruptedException {
    try (RunningServer server = start(LogFormat.JSON)) {
      String first = server.get("/healthz").headers().firstValue("X-Request-Id").orElseThrow();
      String second = server.get("/healthz").headers().firstValue("X-Request-Id").orElseThrow();

      assertThat(first).matches("[0-9a-f]{16}").isNotEqualTo(second);
      assertThat(RunningServer.json(nextLine()).get("id").asText()).isEqualTo(first);
      assertThat(RunningServer.json(nextLine()).get("id").asText()).isEqualTo(second);
    }
  }

  @Test
  void anIdThatWouldCorruptTheLogIsReplaced() throws InterruptedException {
    try (RunningServer server = start(LogFormat.PLAIN)) {
      for (String hostile : new String[] {"a b", "x\"y", "a".repeat(129)}) {
        HttpResponse<String> response =
            server.send(
                HttpRequest.newBuilder(server.uri("/healthz"))
                    .header("X-Request-Id", hostile)
                    .build());
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(nextLine()).contains(" " + id + " ");
      }
    }
  }

  @Test
  void errorsAreLoggedWithTheirCodeAndEveryResponseHasAnId() throws InterruptedException {
    try (RunningServer server = start(LogFormat.PLAIN)) {
      HttpResponse<String> response =
          server.post("/api/predict?model=nope", "image/png", TestImages.tallPng());

      assertThat(response.statusCode()).isEqualTo(404);
      String id = response.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(nextLine())
          .matches(
              "\\S+Z "
                  + id
                  + " POST /api/predict 404 \\d+B \\d+\\.\\dms model=nope error=unknown_model");
    }
  }

  @Test
  void aPlainLineNamesTheRouteTheAnswerAndTheTime() throws InterruptedException {
    try (RunningServer server = start(LogFormat.PLAIN)) {
      server.post("/api/predict", "image/png", TestImages.widePng());

      assertThat(nextLine())
          .matches(
              "\\S+Z [0-9a-f]{16} POST /api/predict 200 \\d+B \\d+\\.\\dms model=fake-a"
                  + " answer=\""
                  + FakeClassifier.WIDE
                  + " \\(0\\.\\d{3}\\)\"");
    }
  }

  @Test
  void offWritesNothing() {
    try (RunningServer server = start(LogFormat.OFF)) {
      server.get("/healthz");
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }
    assertThat(lines).isEmpty();
  }

  private RunningServer start(LogFormat format) {
    return RunningServer.start(
        ServerConfig.builder().requestLog(format, lines::add).build(), FakeClassifier.catalog());
  }

  /** The next line, written once the response is complete: shortly after the client has it. */
  private String nextLine() throws InterruptedException {
    String line = lines.poll(10, TimeUnit.SECONDS);
    assertThat(line).as("a log line").isNotNull();
    return line;
  }
}
