package dev.digits.serving;

import static dev.digits.serving.ErrorResponsesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The model listing, model metadata, liveness and readiness, while loading and after. */
class ModelsAndProbesTest {

  @Test
  void listsEveryModelAndTheDefault() {
    try (RunningServer server = RunningServer.start(FakeClassifier.catalog())) {
      JsonNode body = RunningServer.json(server.get("/api/models"));

      assertThat(body.get("default").asText()).isEqualTo("fake-a");
      JsonNode models = body.get("models");
      assertThat(models).hasSize(2);
      JsonNode first = models.get(0);
      assertThat(first.get("name").asText()).isEqualTo("fake-a");
      assertThat(first.get("default").asBoolean()).isTrue();
      assertThat(first.get("architecture").asText()).isEqualTo("fake-cnn");
      assertThat(first.get("parameterCount").asLong()).isEqualTo(1_234);
      assertThat(first.get("regularization").asText()).isEqualTo("L2");
      assertThat(first.get("testAccuracy").asDouble()).isEqualTo(0.9912);
      assertThat(first.get("validationAccuracy").asDouble()).isEqualTo(0.99);
      assertThat(first.get("createdAt").asText()).isEqualTo("2025-01-01T00:00:00Z");
      assertThat(first.get("description").asText()).isNotBlank();
      assertThat(models.get(1).get("default").asBoolean()).isFalse();
      // fake-b never measured its test accuracy: NaN is not JSON, so it is null.
      assertThat(models.get(1).get("testAccuracy").isNull()).isTrue();
    }
  }

  @Test
  void configuredDefaultModelWins() {
    ServerConfig config = ServerConfig.builder().defaultModel("fake-b").build();
    try (RunningServer server = RunningServer.start(config, FakeClassifier.catalog())) {
      assertThat(RunningServer.json(server.get("/api/models")).get("default").asText())
          .isEqualTo("fake-b");
      assertThat(RunningServer.json(server.get("/api/model")).get("name").asText())
          .isEqualTo("fake-b");
      JsonNode predicted =
          RunningServer.json(server.post("/api/predict", "image/png", TestImages.tallPng()));
      assertThat(predicted.get("digit").asInt()).isEqualTo(FakeClassifier.TALL + 1);
    }
  }

  @Test
  void fullMetadataOfOneModel() {
    try (RunningServer server = RunningServer.start(FakeClassifier.catalog())) {
      JsonNode metadata = RunningServer.json(server.get("/api/model?name=fake-b"));

      assertThat(metadata.get("name").asText()).isEqualTo("fake-b");
      assertThat(metadata.get("formatVersion").asInt()).isEqualTo(1);
      assertThat(metadata.get("training").get("optimizer").asText()).isEqualTo("ADAM");
      assertThat(metadata.get("training").get("l2").asDouble()).isEqualTo(1e-4, within(1e-9));
      assertThat(metadata.get("input").get("width").asInt()).isEqualTo(28);
      assertThat(metadata.get("data").get("testExamples").asInt()).isEqualTo(10_000);
      assertThat(metadata.get("metrics").get("testAccuracy").isNull()).isTrue();
      assertThat(metadata.get("metrics").get("testLoss").isNull()).isTrue();
      assertThat(metadata.get("history")).hasSize(1);
      assertThat(metadata.get("weightsSha256").asText()).hasSize(64);
      assertThat(RunningServer.json(server.get("/api/model")).get("name").asText())
          .isEqualTo("fake-a");
    }
  }

  @Test
  void probesWhenReady() {
    try (RunningServer server = RunningServer.start(FakeClassifier.catalog())) {
      HttpResponse<String> health = server.get("/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(RunningServer.json(health).get("status").asText()).isEqualTo("ok");

      HttpResponse<String> ready = server.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(RunningServer.json(ready).get("status").asText()).isEqualTo("ready");
      assertThat(RunningServer.json(ready).get("models")).hasSize(2);
    }
  }

  @Test
  void whileModelsLoadOnlyThePageAndLivenessAnswer() {
    CompletableFuture<ModelCatalog> loading = new CompletableFuture<>();
    try (RunningServer server = RunningServer.start(ServerConfig.defaults(), loading)) {
      HttpResponse<String> ready = server.get("/readyz");
      assertError(ready, 503, "not_ready");
      assertThat(ready.headers().firstValue("Retry-After")).hasValue("1");
      assertError(server.post("/api/predict", "image/png", TestImages.tallPng()), 503, "not_ready");
      assertError(server.get("/api/models"), 503, "not_ready");
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(server.get("/").statusCode()).isEqualTo(200);

      loading.complete(FakeClassifier.catalog());

      assertThat(server.get("/readyz").statusCode()).isEqualTo(200);
      JsonNode predicted =
          RunningServer.json(server.post("/api/predict", "image/png", TestImages.tallPng()));
      assertThat(predicted.get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
    }
  }

  @Test
  void readyWithTheDefaultModelWhileTheOthersLoad() {
    FakeClassifier first = new FakeClassifier("fake-a", 0, 0.99);
    FakeClassifier second = new FakeClassifier("fake-b", 1, 0.98);
    DigitsServer digits = new DigitsServer(ServerConfig.builder().address("127.0.0.1", 0).build());
    try (RunningServer server = RunningServer.start(digits)) {
      assertError(server.get("/readyz"), 503, "not_ready");

      digits.serveWhileLoading(ModelCatalog.of(first));
      JsonNode ready = RunningServer.json(server.get("/readyz"));
      assertThat(ready.get("models")).hasSize(1);
      assertThat(ready.get("loading").asBoolean()).isTrue();
      assertThat(server.post("/api/predict", "image/png", TestImages.tallPng()).statusCode())
          .isEqualTo(200);
      assertError(
          server.post("/api/predict?model=fake-b", "image/png", TestImages.tallPng()),
          503,
          "not_ready");

      digits.serve(ModelCatalog.of(first, second));
      assertThat(RunningServer.json(server.get("/readyz")).get("loading").asBoolean()).isFalse();
      JsonNode predicted =
          RunningServer.json(
              server.post("/api/predict?model=fake-b", "image/png", TestImages.tallPng()));
      assertThat(predicted.get("digit").asInt()).isEqualTo(FakeClassifier.TALL + 1);
      assertError(
          server.post("/api/predict?model=fake-c", "image/png", TestImages.tallPng()),
          404,
          "unknown_model");
    }
  }

  @Test
  void failedLoadingKeepsReadinessDown() {
    CompletableFuture<ModelCatalog> loading =
        CompletableFuture.failedFuture(new IllegalStateException("corrupt model file"));
    try (RunningServer server = RunningServer.start(ServerConfig.defaults(), loading)) {
      HttpResponse<String> ready = server.get("/readyz");
      assertError(ready, 503, "not_ready");
      assertThat(RunningServer.json(ready).get("detail").asText()).contains("failed");
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unexpectedFailureIsAGeneric500AndTheServerGoesOn() {
    ModelCatalog catalog =
        ModelCatalog.of(new BrokenClassifier(), new FakeClassifier("fake-a", 0, 0.99));
    try (RunningServer server = RunningServer.start(catalog)) {
      HttpResponse<String> response =
          server.post("/api/predict", "image/png", TestImages.tallPng());

      assertError(response, 500, "internal_error");
      assertThat(response.body()).doesNotContain("native", "Broken");
      JsonNode predicted =
          RunningServer.json(
              server.post("/api/predict?model=fake-a", "image/png", TestImages.tallPng()));
      assertThat(predicted.get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
    }
  }

  /** A model whose inference fails the way a native library might. */
  private static final class BrokenClassifier implements DigitClassifier {
    private final FakeClassifier metadataSource = new FakeClassifier("broken", 0, 0.5);

    @Override
    public ModelMetadata metadata() {
      return metadataSource.metadata();
    }

    @Override
    public List<Prediction> classifyAll(List<float[]> images) {
      throw new IllegalStateException("Broken native tensor at 0xdeadbeef");
    }

    @Override
    public void close() {}
  }
}
