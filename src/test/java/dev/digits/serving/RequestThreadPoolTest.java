package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The threads that handle requests run as many steps down the nice scale as configured: the model
 * here answers on the request's own thread and notes that thread's nice value.
 */
class RequestThreadPoolTest {
  private final ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void onLinux() {
    assumeTrue(Platform.isLinux(), "nice values are per thread only on Linux");
  }

  @Test
  void requestsAreHandledAtTheConfiguredNiceIncrement() {
    int base = ThreadNice.ofCurrentThread();

    handleRequestsWithNice(5);

    assertThat(seen).hasSize(3).containsOnly(Math.min(NiceValue.LOWEST, base + 5));
  }

  @Test
  void requestsAreHandledAtTheProcessPriorityByDefault() {
    int base = ThreadNice.ofCurrentThread();

    handleRequestsWithNice(ServerConfig.defaults().requestThreads().niceIncrement());

    assertThat(seen).hasSize(3).containsOnly(base);
  }

  private void handleRequestsWithNice(int increment) {
    ServerConfig config =
        ServerConfig.builder()
            .requestThreads(new ServerConfig.RequestThreads(16, increment))
            .build();
    ModelCatalog catalog = ModelCatalog.of(new NotingClassifier(new FakeClassifier("fake", 0, 1)));
    try (RunningServer server = RunningServer.start(config, catalog)) {
      for (int i = 0; i < 3; i++) {
        assertThat(server.post("/api/predict", "image/png", TestImages.tallPng()).statusCode())
            .isEqualTo(200);
      }
    }
  }

  /** Answers as the wrapped model does, noting the nice value of the thread that asked. */
  private final class NotingClassifier implements DigitClassifier {
    private final DigitClassifier answers;

    NotingClassifier(DigitClassifier answers) {
      this.answers = answers;
    }

    @Override
    public ModelMetadata metadata() {
      return answers.metadata();
    }

    @Override
    public List<Prediction> classifyAll(List<float[]> images) {
      seen.add(ThreadNice.ofCurrentThread());
      return answers.classifyAll(images);
    }

    @Override
    public void close() {}
  }
}
