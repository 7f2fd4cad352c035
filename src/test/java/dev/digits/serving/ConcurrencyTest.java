package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once each get the answer to their own image. */
class ConcurrencyTest {

  @Test
  void parallelRequestsGetTheirOwnAnswers() throws Exception {
    byte[] tall = TestImages.tallPng();
    byte[] wide = TestImages.widePng();
    String wideJson =
        "{\"model\": \"fake-b\", \"image\": \"" + TestImages.dataUrl("image/png", wide) + "\"}";
    try (RunningServer server = RunningServer.start(FakeClassifier.catalog())) {
      ExecutorService clients = Executors.newFixedThreadPool(16);
      try {
        List<Future<Integer>> answers = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          switch (i % 4) {
            case 0 -> {
              answers.add(
                  clients.submit(() -> digit(server.post("/api/predict", "image/png", tall))));
              expected.add(FakeClassifier.TALL);
            }
            case 1 -> {
              answers.add(clients.submit(() -> digit(server.postJson("/api/predict", wideJson))));
              expected.add(FakeClassifier.WIDE + 1);
            }
            case 2 -> {
              answers.add(
                  clients.submit(
                      () -> digit(server.post("/api/predict?model=fake-b", "image/png", tall))));
              expected.add(FakeClassifier.TALL + 1);
            }
            default -> {
              answers.add(
                  clients.submit(
                      () ->
                          server
                              .post("/api/predict", "image/png", TestImages.blankPng())
                              .statusCode()));
              expected.add(422);
            }
          }
        }
        List<Integer> actual = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          actual.add(answer.get());
        }
        assertThat(actual).isEqualTo(expected);
      } finally {
        clients.shutdownNow();
      }
    }
  }

  private static int digit(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RunningServer.json(response).get("digit").asInt();
  }
}
