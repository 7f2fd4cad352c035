package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each decision {@code POST /api/predict} can give, through HTTP: accepted with a null reason, and
 * each reason a drawing can be declined for, with the best guess still in the answer; the
 * seed-compatible {@code /predict} keeps its two fields.
 */
class DecisionApiTest {
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(DecliningClassifier.catalog());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSureDigitIsAcceptedWithANullReason() {
    JsonNode body = predict(TestImages.bar(280, 24, 200));

    assertThat(body.get("digit").asInt()).isEqualTo(1);
    assertThat(body.get("accepted").asBoolean()).isTrue();
    assertThat(body.has("reason")).isTrue();
    assertThat(body.get("reason").isNull()).isTrue();
  }

  @Test
  void aDrawingThatIsNoDigitIsDeclinedWithItsBestGuessKept() {
    JsonNode body = predict(TestImages.bar(280, 150, 150));

    assertThat(body.get("accepted").asBoolean()).isFalse();
    assertThat(body.get("reason").asText()).isEqualTo("not_a_digit");
    assertThat(body.get("digit").asInt()).isZero();
    assertThat(body.get("confidence").asDouble()).isEqualTo(0.2, within(1e-6));
    assertThat(body.get("top")).hasSize(3);
    assertThat(body.get("probabilities")).hasSize(10);
  }

  @Test
  void aWideDrawingReadAsSeveralDigitsSaysSo() {
    JsonNode body = predict(TestImages.bar(280, 240, 60));

    assertThat(body.get("accepted").asBoolean()).isFalse();
    assertThat(body.get("reason").asText()).isEqualTo("several_digits");
  }

  @Test
  void twoCloseDigitsAreDeclinedAsUnsure() {
    JsonNode body = predict(frame(280, 60, 120));

    assertThat(body.get("accepted").asBoolean()).isFalse();
    assertThat(body.get("reason").asText()).isEqualTo("unsure");
    assertThat(body.get("top").get(0).get("digit").asInt()).isEqualTo(4);
    assertThat(body.get("top").get(1).get("digit").asInt()).isEqualTo(9);
  }

  @Test
  void aTinyMarkOnTheCanvasIsTooSmallWhateverTheModelSays() {
    // A sure 1 by shape, but 4 × 16 px of a 280 px canvas: too little to read.
    JsonNode body = predict(TestImages.bar(280, 4, 16));

    assertThat(body.get("digit").asInt()).isEqualTo(1);
    assertThat(body.get("accepted").asBoolean()).isFalse();
    assertThat(body.get("reason").asText()).isEqualTo("too_small");
  }

  @Test
  void aSmallDigitInALargePhotoIsStillRead() {
    // 5 % of a 2,000 px image, but 100 px tall: plenty to read.
    JsonNode body = predict(TestImages.bar(2000, 12, 100));

    assertThat(body.get("accepted").asBoolean()).isTrue();
  }

  @Test
  void theSeedCompatibleRouteKeepsItsTwoFields() {
    HttpResponse<String> response =
        server.postJson(
            "/predict",
            "{\"image\": \""
                + TestImages.dataUrl(
                    "image/png", TestImages.encode(TestImages.bar(280, 150, 150), "png"))
                + "\"}");

    JsonNode body = RunningServer.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.size()).isEqualTo(2);
    assertThat(body.has("digit")).isTrue();
    assertThat(body.has("confidence")).isTrue();
  }

  /** A rectangle's outline, drawn with a pen of 8 px, in the middle of a white canvas. */
  private static BufferedImage frame(int canvas, int width, int height) {
    BufferedImage image = TestImages.bar(canvas, 0, 0);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(8));
    g.drawRect((canvas - width) / 2, (canvas - height) / 2, width, height);
    g.dispose();
    return image;
  }

  private static JsonNode predict(BufferedImage image) {
    HttpResponse<String> response =
        server.post("/api/predict", "image/png", TestImages.encode(image, "png"));
    assertThat(response.statusCode()).isEqualTo(200);
    return RunningServer.json(response);
  }
}
