package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/predict} and {@code POST /predict} with every accepted body format. */
class PredictApiTest {
  @RegisterExtension static final RunningServer server = RunningServer.forTheClass();

  @Test
  void jsonWithADataUrl() {
    HttpResponse<String> response =
        server.postJson(
            "/api/predict", "{\"image\": \"" + pngDataUrl(TestImages.tallPng()) + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = RunningServer.json(response);
    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
    assertThat(body.get("confidence").asDouble()).isBetween(0.55, 0.95);
    assertThat(body.has("input")).isFalse();
  }

  @Test
  void answerHasTheWholeContract() {
    JsonNode body =
        RunningServer.json(
            server.postJson(
                "/api/predict",
                "{\"image\": \""
                    + pngDataUrl(TestImages.widePng())
                    + "\", \"includeInput\": true}"));

    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.WIDE);
    JsonNode top = body.get("top");
    assertThat(top).hasSize(3);
    assertThat(top.get(0).get("digit").asInt()).isEqualTo(FakeClassifier.WIDE);
    assertThat(top.get(0).get("probability").asDouble())
        .isEqualTo(body.get("confidence").asDouble());
    assertThat(top.get(1).get("probability").asDouble())
        .isLessThanOrEqualTo(top.get(0).get("probability").asDouble());
    JsonNode probabilities = body.get("probabilities");
    assertThat(probabilities).hasSize(10);
    double sum = 0;
    for (JsonNode probability : probabilities) {
      sum += probability.asDouble();
    }
    assertThat(sum).isCloseTo(1.0, within(1e-4));
    assertThat(body.get("model").get("name").asText()).isEqualTo("fake-a");
    assertThat(body.get("model").get("architecture").asText()).isEqualTo("fake-cnn");
    assertThat(body.get("model").get("testAccuracy").asDouble()).isEqualTo(0.9912);
    assertThat(body.get("timings").get("preprocessMicros").asLong()).isNotNegative();
    assertThat(body.get("timings").get("inferenceMicros").asLong()).isNotNegative();
    BufferedImage input = decodeDataUrl(body.get("input").asText());
    assertThat(input.getWidth()).isEqualTo(28 * Recognizer.INPUT_SCALE);
    assertThat(input.getHeight()).isEqualTo(28 * Recognizer.INPUT_SCALE);
  }

  @Test
  void rawPngBody() {
    JsonNode body =
        RunningServer.json(server.post("/api/predict", "image/png", TestImages.tallPng()));

    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
  }

  @Test
  void rawJpegBodyWithModelAndInputFromTheQuery() {
    byte[] jpeg = TestImages.encode(TestImages.bar(280, 200, 30), "jpg");

    JsonNode body =
        RunningServer.json(
            server.post("/api/predict?model=fake-b&includeInput=true", "image/jpeg", jpeg));

    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.WIDE + 1);
    assertThat(body.get("model").get("name").asText()).isEqualTo("fake-b");
    assertThat(body.get("input").asText()).startsWith("data:image/png;base64,");
  }

  @Test
  void octetStreamIsSniffed() {
    JsonNode body =
        RunningServer.json(
            server.post("/api/predict", "application/octet-stream", TestImages.widePng()));

    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.WIDE);
  }

  @Test
  void multipartWithAnImageField() {
    byte[] form =
        new Multipart().file("image", "digit.png", "image/png", TestImages.tallPng()).build();

    JsonNode body = RunningServer.json(server.post("/api/predict", Multipart.CONTENT_TYPE, form));

    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
  }

  @Test
  void multipartWithAFileFieldAndFormOptions() {
    byte[] form =
        new Multipart()
            .field("model", "fake-b")
            .field("includeInput", "true")
            .file(
                "file",
                "photo.jpg",
                "image/jpeg",
                TestImages.encode(TestImages.bar(300, 30, 240), "jpg"))
            .build();

    JsonNode body = RunningServer.json(server.post("/api/predict", Multipart.CONTENT_TYPE, form));

    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.TALL + 1);
    assertThat(body.get("model").get("name").asText()).isEqualTo("fake-b");
    assertThat(body.has("input")).isTrue();
  }

  @Test
  void jsonChoosesTheModel() {
    JsonNode body =
        RunningServer.json(
            server.postJson(
                "/api/predict",
                "{\"model\": \"fake-b\", \"image\": \""
                    + pngDataUrl(TestImages.tallPng())
                    + "\","
                    + " \"unknownField\": [1, {\"x\": 2}]}"));

    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.TALL + 1);
  }

  @Test
  void legacyRouteKeepsTheOriginalContract() {
    HttpResponse<String> response =
        server.postJson(
            "/predict", "{\"image\": \"" + pngDataUrl(TestImages.wideOnDarkPng()) + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = RunningServer.json(response);
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("digit", "confidence");
    assertThat(body.get("digit").isInt()).isTrue();
    assertThat(body.get("digit").asInt()).isEqualTo(FakeClassifier.WIDE);
    assertThat(body.get("confidence").isFloatingPointNumber()).isTrue();
  }

  @Test
  void legacyRouteReadsJsonWhateverTheContentType() {
    HttpResponse<String> response =
        server.post(
            "/predict",
            "text/plain;charset=UTF-8",
            ("{\"image\": \"" + pngDataUrl(TestImages.tallPng()) + "\"}").getBytes());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(response).get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
  }

  private static String pngDataUrl(byte[] png) {
    return TestImages.dataUrl("image/png", png);
  }

  private static BufferedImage decodeDataUrl(String dataUrl) {
    assertThat(dataUrl).startsWith("data:image/png;base64,");
    try {
      byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
