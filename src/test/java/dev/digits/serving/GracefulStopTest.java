package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.Await;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A graceful stop lets the request in progress finish instead of cutting it off. */
class GracefulStopTest {

  /** A model that answers only once the test lets it. */
  private static final class HeldModel implements DigitClassifier {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final FakeClassifier answers = new FakeClassifier("held", 0, 0.9);

    @Override
    public ModelMetadata metadata() {
      return answers.metadata();
    }

    @Override
    public List<Prediction> classifyAll(List<float[]> images) {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answers.classifyAll(images);
    }

    @Override
    public void close() {}
  }

  @Test
  void theRequestInProgressIsAnsweredBeforeTheServerStops() throws Exception {
    HeldModel model = new HeldModel();
    DigitsServer server =
        new DigitsServer(
                ServerConfig.builder().address("127.0.0.1", 0).build(), ModelCatalog.of(model))
            .start();
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> answer =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"image\":\""
                            + TestImages.dataUrl("image/png", TestImages.tallPng())
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(model.entered.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopped =
        CompletableFuture.runAsync(() -> server.stopGracefully(Duration.ofSeconds(20)));
    Await.until("the stop has begun", server::isStopping);
    assertThat(stopped).isNotDone();
    model.release.countDown();

    assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    stopped.get(30, TimeUnit.SECONDS);
  }
}
