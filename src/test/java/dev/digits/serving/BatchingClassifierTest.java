package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.Await;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BatchingClassifierTest {

  /**
   * Answers the digit written in pixel 0 (as pixel value × 10), recording batch sizes. While its
   * gate is closed, a pass waits in the model, so that the test decides what queues meanwhile.
   */
  private static final class RecordingModel implements DigitClassifier {
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean closed = new AtomicBoolean();
    final CountDownLatch passStarted = new CountDownLatch(1);
    final CountDownLatch gate;
    volatile boolean failNext;
    private final FakeClassifier metadataSource = new FakeClassifier("recording", 0, 0.5);

    RecordingModel(boolean gateOpen) {
      this.gate = new CountDownLatch(gateOpen ? 0 : 1);
    }

    RecordingModel() {
      this(true);
    }

    @Override
    public ModelMetadata metadata() {
      return metadataSource.metadata();
    }

    @Override
    public List<Prediction> classifyAll(List<float[]> images) {
      batchSizes.add(images.size());
      passStarted.countDown();
      try {
        gate.await();
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
  void requestsThatQueueDuringAPassShareTheNextPassesAndEachGetsItsOwnAnswer() throws Exception {
    RecordingModel model = new RecordingModel(false);
    ExecutorService callers = Executors.newFixedThreadPool(64);
    try (BatchingClassifier batching = new BatchingClassifier(model, 1, 8)) {
      List<Future<Integer>> answers = new ArrayList<>();
      answers.add(callers.submit(() -> batching.classify(imageOf(0)).digit()));
      model.passStarted.await();
      for (int i = 1; i < 64; i++) {
        int digit = i % 10;
        answers.add(callers.submit(() -> batching.classify(imageOf(digit)).digit()));
      }
      Await.until("63 images wait for the pass", () -> batching.waitingImages() == 63);
      model.gate.countDown();

      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo(i % 10);
      }
    } finally {
      callers.shutdown();
    }
    assertThat(model.batchSizes).containsExactly(1, 8, 8, 8, 8, 8, 8, 8, 7);
  }

  @Test
  void aLoneRequestRunsAtOnceAlone() {
    RecordingModel model = new RecordingModel();
    try (BatchingClassifier batching = new BatchingClassifier(model, 2, 8)) {
      // No timer waits for company: the call returns with nothing else ever sent.
      assertThat(batching.classify(imageOf(3)).digit()).isEqualTo(3);
      assertThat(model.batchSizes).containsExactly(1);
    }
  }

  @Test
  void severalImagesOfOneCallAreAnsweredInTheirOrder() {
    RecordingModel model = new RecordingModel();
    try (BatchingClassifier batching = new BatchingClassifier(model, 2, 8)) {
      assertThat(batching.classifyAll(List.of(imageOf(3), imageOf(4), imageOf(5))))
          .extracting(Prediction::digit)
          .containsExactly(3, 4, 5);
      assertThat(batching.metadata().name()).isEqualTo("recording");
    }
  }

  @Test
  void aMalformedImageFailsOnlyItsOwnCall() {
    RecordingModel model = new RecordingModel();
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
    RecordingModel model = new RecordingModel();
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
    RecordingModel model = new RecordingModel();
    BatchingClassifier batching = new BatchingClassifier(model, 2, 8);
    batching.close();

    assertThat(model.closed).isTrue();
    assertThatThrownBy(() -> batching.classify(imageOf(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }
}
