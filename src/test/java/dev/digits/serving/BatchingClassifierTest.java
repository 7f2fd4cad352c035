package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BatchingClassifierTest {

  /** Answers the digit written in pixel 0 (as pixel value × 10), slowly, recording batch sizes. */
  private static final class SlowModel implements DigitClassifier {
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean closed = new AtomicBoolean();
    volatile boolean failNext;
    private final FakeClassifier metadataSource = new FakeClassifier("slow", 0, 0.5);

    @Override
    public ModelMetadata metadata() {
      return metadataSource.metadata();
    }

    @Override
    public List<Prediction> classifyAll(List<float[]> images) {
      batchSizes.add(images.size());
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("native failure");
      }
      List<Prediction> predictions = new ArrayList<>();
      for (float[] image : images) {
        float[] probabilities = new float[10];
        probabilities[Math.round(image[0] * 10)] = 1;
        predictions.add(new Prediction(probabilities));
      }
      return predictions;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  private static float[] imageOf(int digit) {
    float[] pixels = new float[DigitClassifier.PIXELS];
    pixels[0] = digit / 10f;
    return pixels;
  }

  @Test
  void concurrentRequestsShareForwardPassesAndEachGetsItsOwnAnswer() throws Exception {
    SlowModel model = new SlowModel();
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try (BatchingClassifier batching = new BatchingClassifier(model, 1, 8)) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int digit = i % 10;
        answers.add(callers.submit(() -> batching.classify(imageOf(digit)).digit()));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo(i % 10);
      }
    } finally {
      callers.shutdown();
    }
    assertThat(model.batchSizes).allMatch(size -> size <= 8);
    assertThat(model.batchSizes.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isGreaterThan(1);
    assertThat(model.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(64);
  }

  @Test
  void aLoneRequestRunsAtOnceAlone() {
    SlowModel model = new SlowModel();
    try (BatchingClassifier batching = new BatchingClassifier(model, 2, 8)) {
      assertThat(batching.classifyAll(List.of(imageOf(3), imageOf(4))))
          .extracting(Prediction::digit)
          .containsExactly(3, 4);
      assertThat(batching.metadata().name()).isEqualTo("slow");
    }
  }

  @Test
  void aMalformedImageFailsOnlyItsOwnCall() {
    SlowModel model = new SlowModel();
    try (BatchingClassifier batching = new BatchingClassifier(model, 1, 8)) {
      assertThatThrownBy(() -> batching.classify(new float[3]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected 784 pixel values, got 3");
      assertThat(model.batchSizes).isEmpty();
      assertThat(batching.classify(imageOf(5)).digit()).isEqualTo(5);
    }
  }

  @Test
  void aFailedPassFailsItsRequestsButNotLaterOnes() {
    SlowModel model = new SlowModel();
    try (BatchingClassifier batching = new BatchingClassifier(model, 1, 8)) {
      model.failNext = true;
      assertThatThrownBy(() -> batching.classify(imageOf(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("native failure");
      assertThat(batching.classify(imageOf(2)).digit()).isEqualTo(2);
    }
  }

  @Test
  void closingClosesTheModelAndRefusesLaterRequests() {
    SlowModel model = new SlowModel();
    BatchingClassifier batching = new BatchingClassifier(model, 2, 8);
    batching.close();

    assertThat(model.closed).isTrue();
    assertThatThrownBy(() -> batching.classify(imageOf(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }
}
