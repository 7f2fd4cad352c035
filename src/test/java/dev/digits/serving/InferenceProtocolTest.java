package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol (KServe v2): every endpoint, its errors, and tensors whose shapes
 * follow the protocol's own examples (row-major data, as many values as the shape says).
 */
class InferenceProtocolTest {
  private static final CountingClassifier model = new CountingClassifier();
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(ModelCatalog.of(model, new FakeClassifier("fake-b", 1, 0.9)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void serverMetadataAndHealth() {
    JsonNode metadata = RunningServer.json(server.get("/v2"));
    assertThat(metadata.get("name").asText()).isEqualTo("digits");
    assertThat(metadata.get("version").asText()).isNotBlank();
    assertThat(metadata.get("extensions").isArray()).isTrue();

    assertThat(server.get("/v2/health/live").body()).isEqualTo("{\"live\":true}");
    assertThat(server.get("/v2/health/ready").body()).isEqualTo("{\"ready\":true}");
  }

  @Test
  void whileTheModelsLoadTheServerIsLiveButNotReady() {
    CompletableFuture<ModelCatalog> loading = new CompletableFuture<>();
    try (RunningServer loadingServer = RunningServer.start(ServerConfig.defaults(), loading)) {
      assertThat(loadingServer.get("/v2/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = loadingServer.get("/v2/health/ready");
      assertThat(ready.statusCode()).isEqualTo(400);
      assertThat(ready.body()).isEqualTo("{\"ready\":false}");
      HttpResponse<String> modelReady = loadingServer.get("/v2/models/fake-a/ready");
      assertThat(modelReady.statusCode()).isEqualTo(400);
      assertThat(modelReady.body()).isEqualTo("{\"name\":\"fake-a\",\"ready\":false}");
      assertProtocolError(loadingServer.get("/v2/models/fake-a"), 503);
    }
  }

  @Test
  void modelMetadataNamesEveryTensor() {
    for (String path : List.of("/v2/models/fake-a", "/v2/models/fake-a/versions/1")) {
      JsonNode metadata = RunningServer.json(server.get(path));
      assertThat(metadata.get("name").asText()).isEqualTo("fake-a");
      assertThat(metadata.get("versions").toString()).isEqualTo("[\"1\"]");
      assertThat(metadata.get("platform").asText()).isEqualTo("pytorch");
      assertThat(metadata.get("inputs").toString())
          .isEqualTo(
              "[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,1,28,28]},"
                  + "{\"name\":\"image\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
      assertThat(metadata.get("outputs").toString())
          .isEqualTo(
              "[{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[-1,10]},"
                  + "{\"name\":\"digit\",\"datatype\":\"INT64\",\"shape\":[-1]},"
                  + "{\"name\":\"accepted\",\"datatype\":\"BOOL\",\"shape\":[-1]},"
                  + "{\"name\":\"reason\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
    }
  }

  @Test
  void modelReadiness() {
    assertThat(server.get("/v2/models/fake-b/ready").body())
        .isEqualTo("{\"name\":\"fake-b\",\"ready\":true}");
    assertThat(server.get("/v2/models/fake-b/versions/1/ready").statusCode()).isEqualTo(200);
    assertProtocolError(server.get("/v2/models/nope/ready"), 404);
    assertProtocolError(server.get("/v2/models/fake-b/versions/2/ready"), 404);
  }

  @Test
  void infersFromPixelsAsTheProtocolsExampleSendsThem() {
    String request =
        "{\"id\": \"42\", \"inputs\": [{\"name\": \"input\", \"shape\": [2, 1, 28, 28],"
            + " \"datatype\": \"FP32\", \"data\": ["
            + flat(bar(4, 20))
            + ", "
            + flat(bar(20, 4))
            + "]}], \"outputs\": [{\"name\": \"probabilities\"}, {\"name\": \"digit\"}]}";
    int passesBefore = model.batches.size();

    JsonNode response = infer("/v2/models/fake-a/infer", request);

    assertThat(response.get("model_name").asText()).isEqualTo("fake-a");
    assertThat(response.get("model_version").asText()).isEqualTo("1");
    assertThat(response.get("id").asText()).isEqualTo("42");
    JsonNode outputs = response.get("outputs");
    assertThat(outputs).hasSize(2);
    assertTensor(outputs.get(0), "probabilities", "FP32", 2, 10);
    assertTensor(outputs.get(1), "digit", "INT64", 2);
    assertThat(outputs.get(1).get("data").toString())
        .isEqualTo("[" + FakeClassifier.TALL + "," + FakeClassifier.WIDE + "]");
    double firstRow = 0;
    for (int d = 0; d < 10; d++) {
      firstRow += outputs.get(0).get("data").get(d).asDouble();
    }
    assertThat(firstRow).isCloseTo(1.0, offset(1e-4));
    // Both images went to the model in one forward pass.
    assertThat(model.batches.subList(passesBefore, model.batches.size())).containsExactly(2);
  }

  @Test
  void tensorDataMayBeNestedAsItsShape() {
    StringJoiner rows = new StringJoiner(",", "[[", "]]");
    float[] pixels = bar(4, 20);
    for (int y = 0; y < 28; y++) {
      StringJoiner row = new StringJoiner(",", "[", "]");
      for (int x = 0; x < 28; x++) {
        row.add(Float.toString(pixels[y * 28 + x]));
      }
      rows.add(row.toString());
    }
    JsonNode response =
        infer(
            "/v2/models/fake-a/versions/1/infer",
            "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 1, 28, 28], \"datatype\": \"FP32\","
                + " \"data\": ["
                + rows
                + "]}]}");
    assertThat(response.has("id")).isFalse();
    assertThat(response.get("outputs").get(1).get("data").toString())
        .isEqualTo("[" + FakeClassifier.TALL + "]");
  }

  @Test
  void infersFromBase64FilesPreprocessedAsTheApiDoes() {
    String tall = Base64.getEncoder().encodeToString(TestImages.tallPng());
    String wide = TestImages.dataUrl("image/png", TestImages.widePng());
    JsonNode response =
        infer(
            "/v2/models/fake-b/infer",
            "{\"inputs\": [{\"name\": \"image\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\":"
                + " [\""
                + tall
                + "\", \""
                + wide
                + "\"]}], \"outputs\": [{\"name\": \"digit\"}]}");
    JsonNode outputs = response.get("outputs");
    assertThat(outputs).hasSize(1);
    assertTensor(outputs.get(0), "digit", "INT64", 2);
    assertThat(outputs.get(0).get("data").toString())
        .isEqualTo("[" + (FakeClassifier.TALL + 1) + "," + (FakeClassifier.WIDE + 1) + "]");
  }

  @Test
  void everyOutputByDefaultWithTheDecisionOfEachImage() {
    String readable = Base64.getEncoder().encodeToString(TestImages.tallPng());
    // A speck in a corner of a large canvas: too small to read.
    String speck =
        Base64.getEncoder().encodeToString(TestImages.encode(TestImages.bar(280, 4, 10), "png"));
    JsonNode outputs =
        infer(
                "/v2/models/fake-a/infer",
                "{\"inputs\": [{\"name\": \"image\", \"shape\": [2], \"datatype\": \"BYTES\","
                    + " \"data\": [\""
                    + readable
                    + "\", \""
                    + speck
                    + "\"]}]}")
            .get("outputs");

    assertThat(outputs).hasSize(4);
    assertTensor(outputs.get(2), "accepted", "BOOL", 2);
    assertTensor(outputs.get(3), "reason", "BYTES", 2);
    assertThat(outputs.get(2).get("data").toString()).isEqualTo("[true,false]");
    assertThat(outputs.get(3).get("data").toString()).isEqualTo("[\"\",\"too_small\"]");
  }

  @Test
  void malformedRequestsAre400WithTheProtocolsErrorBody() {
    String pixels = flat(bar(4, 20));
    List<String> requests =
        List.of(
            "not json",
            "[]",
            "{}",
            "{\"inputs\": []}",
            "{\"inputs\": [{\"name\": \"input\", \"shape\": [1,1,28,28], \"datatype\": \"INT64\","
                + " \"data\": ["
                + pixels
                + "]}]}",
            "{\"inputs\": [{\"name\": \"input\", \"shape\": [1,784], \"datatype\": \"FP32\","
                + " \"data\": ["
                + pixels
                + "]}]}",
            "{\"inputs\": [{\"name\": \"input\", \"shape\": [2,1,28,28], \"datatype\": \"FP32\","
                + " \"data\": ["
                + pixels
                + "]}]}",
            "{\"inputs\": [{\"name\": \"input\", \"shape\": [1,1,28,28], \"datatype\": \"FP32\","
                + " \"data\": ["
                + pixels.replaceFirst("0\\.0", "2.0")
                + "]}]}",
            "{\"inputs\": [{\"name\": \"input\", \"shape\": [65,1,28,28], \"datatype\": \"FP32\","
                + " \"data\": []}]}",
            "{\"inputs\": [{\"name\": \"pixels\", \"shape\": [1], \"datatype\": \"BYTES\","
                + " \"data\": [\"x\"]}]}",
            "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\","
                + " \"data\": [\"not base64!\"]}]}",
            "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\","
                + " \"data\": [\""
                + Base64.getEncoder().encodeToString(TestImages.blankPng())
                + "\"]}]}",
            "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\","
                + " \"data\": [true]}]}",
            "{\"inputs\": [{\"name\": \"input\", \"shape\": [1,1,28,28], \"datatype\": \"FP32\","
                + " \"data\": ["
                + pixels
                + "]}], \"outputs\": [{\"name\": \"logits\"}]}");
    for (String request : requests) {
      assertProtocolError(
          server.post("/v2/models/fake-a/infer", "application/json", request.getBytes()), 400);
    }
  }

  @Test
  void unknownModelsAndVersionsAre404AndWrongMethods405() {
    String request =
        "{\"inputs\": [{\"name\": \"input\", \"shape\": [1,1,28,28], \"datatype\": \"FP32\","
            + " \"data\": ["
            + flat(bar(4, 20))
            + "]}]}";
    assertProtocolError(
        server.post("/v2/models/nope/infer", "application/json", request.getBytes()), 404);
    assertProtocolError(
        server.post("/v2/models/fake-a/versions/7/infer", "application/json", request.getBytes()),
        404);
    assertProtocolError(server.get("/v2/models/nope"), 404);
    assertProtocolError(server.get("/v2/models/fake-a/infer"), 405);
  }

  private static JsonNode infer(String path, String body) {
    HttpResponse<String> response = server.post(path, "application/json", body.getBytes());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RunningServer.json(response);
  }

  /** A tensor with this name, datatype and shape, holding as many values as the shape says. */
  private static void assertTensor(JsonNode tensor, String name, String datatype, int... shape) {
    assertThat(tensor.get("name").asText()).isEqualTo(name);
    assertThat(tensor.get("datatype").asText()).isEqualTo(datatype);
    List<Integer> actualShape = new ArrayList<>();
    tensor.get("shape").forEach(size -> actualShape.add(size.asInt()));
    assertThat(actualShape).containsExactly(Arrays.stream(shape).boxed().toArray(Integer[]::new));
    int values = 1;
    for (int size : shape) {
      values *= size;
    }
    assertThat(tensor.get("data")).hasSize(values);
  }

  /** The protocol's error: a status and {"error": text}, nothing else. */
  private static void assertProtocolError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = RunningServer.json(response);
    assertThat(body.size()).as(response.body()).isEqualTo(1);
    assertThat(body.get("error").asText()).isNotBlank().doesNotContain("Exception");
  }

  /** A 28×28 input with a bar of ink of this size in the middle, 1 where there is ink. */
  private static float[] bar(int width, int height) {
    float[] pixels = new float[DigitClassifier.PIXELS];
    for (int y = (28 - height) / 2; y < (28 + height) / 2; y++) {
      for (int x = (28 - width) / 2; x < (28 + width) / 2; x++) {
        pixels[y * 28 + x] = 1;
      }
    }
    return pixels;
  }

  private static String flat(float[] pixels) {
    StringJoiner values = new StringJoiner(",");
    for (float value : pixels) {
      values.add(Float.toString(value));
    }
    return values.toString();
  }

  /** The fake model, remembering how many images each forward pass held. */
  private static final class CountingClassifier implements DigitClassifier {
    private final FakeClassifier fake = new FakeClassifier("fake-a", 0, 0.99);
    final List<Integer> batches = new CopyOnWriteArrayList<>();

    @Override
    public ModelMetadata metadata() {
      return fake.metadata();
    }

    @Override
    public List<Prediction> classifyAll(List<float[]> images) {
      batches.add(images.size());
      return fake.classifyAll(images);
    }

    @Override
    public void close() {}
  }
}
