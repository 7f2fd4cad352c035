package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/read} with every accepted body format, against the fake models: three tall bars
 * read as three {@link FakeClassifier#TALL}s.
 */
class ReadApiTest {
  @RegisterExtension static final RunningServer server = RunningServer.forTheClass();

  private static final int WIDTH = 600;
  private static final int HEIGHT = 200;
  private static final int[] BAR_LEFTS = {100, 280, 460};

  /** Three tall bars side by side: "111" to the fake. */
  private static byte[] threeBarsPng() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    for (int left : BAR_LEFTS) {
      g.fillRect(left, 25, 20, 150);
    }
    g.dispose();
    return TestImages.encode(image, "png");
  }

  @Test
  void jsonWithADataUrlAnswersTheWholeContract() {
    HttpResponse<String> response =
        server.postJson(
            "/api/read",
            "{\"image\": \"" + TestImages.dataUrl("image/png", threeBarsPng()) + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = RunningServer.json(response);
    assertThat(body.get("number").asText()).isEqualTo("111");
    assertThat(body.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(body.get("model").get("name").asText()).isEqualTo("fake-a");
    assertThat(body.get("timings").get("preprocessMicros").asLong()).isNotNegative();
    assertThat(body.get("timings").get("inferenceMicros").asLong()).isNotNegative();
    JsonNode digits = body.get("digits");
    assertThat(digits).hasSize(3);
    double product = 1;
    for (int i = 0; i < digits.size(); i++) {
      JsonNode digit = digits.get(i);
      assertThat(digit.get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
      assertThat(digit.get("top")).hasSize(3);
      assertThat(digit.get("top").get(0).get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
      assertThat(digit.has("accepted")).isTrue();
      assertThat(digit.has("reason")).isTrue();
      assertThat(digit.has("input")).isFalse();
      product *= digit.get("confidence").asDouble();
    }
    assertThat(body.get("confidence").asDouble()).isCloseTo(product, within(1e-5));
  }

  @Test
  void boxesAreTheInksInTheImageLeftToRight() {
    JsonNode digits =
        RunningServer.json(server.post("/api/read", "image/png", threeBarsPng())).get("digits");

    for (int i = 0; i < BAR_LEFTS.length; i++) {
      JsonNode box = digits.get(i).get("box");
      assertThat(box.get("x").asInt()).isBetween(BAR_LEFTS[i] - 1, BAR_LEFTS[i] + 1);
      assertThat(box.get("y").asInt()).isBetween(24, 26);
      assertThat(box.get("width").asInt()).isBetween(19, 21);
      assertThat(box.get("height").asInt()).isBetween(149, 151);
      assertThat(box.get("x").asInt() + box.get("width").asInt()).isLessThanOrEqualTo(WIDTH);
    }
  }

  @Test
  void rawPngWithModelAndInputFromTheQuery() {
    JsonNode body =
        RunningServer.json(
            server.post("/api/read?model=fake-b&includeInput=true", "image/png", threeBarsPng()));

    assertThat(body.get("number").asText()).isEqualTo("222");
    assertThat(body.get("model").get("name").asText()).isEqualTo("fake-b");
    for (JsonNode digit : body.get("digits")) {
      assertThat(digit.get("input").asText()).startsWith("data:image/png;base64,");
    }
  }

  @Test
  void multipartWithAnImageField() {
    byte[] form = new Multipart().file("image", "number.png", "image/png", threeBarsPng()).build();

    JsonNode body = RunningServer.json(server.post("/api/read", Multipart.CONTENT_TYPE, form));

    assertThat(body.get("number").asText()).isEqualTo("111");
  }

  @Test
  void blankImageIs422AsForASingleDigit() {
    HttpResponse<String> read = server.post("/api/read", "image/png", TestImages.blankPng());
    HttpResponse<String> predict = server.post("/api/predict", "image/png", TestImages.blankPng());

    assertThat(read.statusCode()).isEqualTo(422);
    assertThat(RunningServer.json(read).get("error").asText())
        .isEqualTo(RunningServer.json(predict).get("error").asText());
  }

  @Test
  void unknownModelIs404() {
    HttpResponse<String> response =
        server.post("/api/read?model=nope", "image/png", threeBarsPng());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(RunningServer.json(response).get("error").asText()).isEqualTo("unknown_model");
  }
}
