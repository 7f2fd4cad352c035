package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.preprocessing.DecodingBudget;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the memory for decoding images is taken, a prediction is refused with 503, {@code busy} and
 * {@code Retry-After}, and the same request succeeds once the memory is free again.
 */
class BusyDecodingTest {
  private static final DecodingBudget BUDGET =
      DecodingBudget.of(1024 * 1024, Duration.ofMillis(50));

  @RegisterExtension
  static final RunningServer server =
      RunningServer.forEachTest(ServerConfig.builder().decoding(BUDGET).build());

  @Test
  void aPredictionWithoutRoomToDecodeIs503BusyUntilTheRoomIsFree() throws Exception {
    try (DecodingBudget.Reservation everything = BUDGET.reserve(Long.MAX_VALUE)) {
      HttpResponse<String> refused = server.post("/api/predict", "image/png", TestImages.tallPng());
      ErrorResponsesTest.assertError(refused, 503, "busy");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      ErrorResponsesTest.assertError(
          server.postJson(
              "/predict",
              "{\"image\": \"" + TestImages.dataUrl("image/png", TestImages.tallPng()) + "\"}"),
          503,
          "busy");
    }

    HttpResponse<String> answered = server.post("/api/predict", "image/png", TestImages.tallPng());
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(RunningServer.json(answered).get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
  }
}
