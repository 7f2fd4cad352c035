package dev.digits.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Forward passes of a trained network in inference mode, for any number of images at once: the raw
 * path under every prediction in the project (the classifier, validation during training,
 * evaluation), so normalization happens in exactly one place.
 *
 * <p>It is a snapshot: construction copies the weights, with each batch norm folded into the
 * convolution or dense layer before it, and later changes to the block are not seen. The copies do
 * not require gradients, so PyTorch records no autograd history, and max-pooling runs without the
 * argmax a backward pass would need (see {@link InferenceStep}). The result equals the block's own
 * forward pass in inference mode up to float rounding. DJL's {@code Predictor} is bypassed too: its
 * per-call translator and manager bookkeeping cost several times the forward pass of a network this
 * small.
 *
 * <p>Safe for concurrent use once constructed. Closing frees the copied weights.
 */
public final class Inference implements AutoCloseable {
  private final ModelMetadata.InputSpec input;
  private final NDManager weights;
  private final List<InferenceStep> steps;

  /**
   * A loaded model file's network, with the architecture and normalization its metadata records;
   * the copied weights live under the model's manager.
   */
  public static Inference of(LoadedModel loaded) {
    return new Inference(
        Architecture.byId(loaded.metadata().architecture()),
        loaded.model().getBlock(),
        loaded.metadata().input(),
        loaded.model().getNDManager());
  }

  /**
   * @param architecture the architecture {@code block} was made by
   * @param block an initialized network with trained weights
   * @param input the normalization the network was trained with
   * @param manager the manager to keep the weights' copies under (a sub-manager of it)
   * @throws IllegalArgumentException if the block does not have the architecture's layers
   */
  public Inference(
      Architecture architecture, Block block, ModelMetadata.InputSpec input, NDManager manager) {
    this.input = input;
    this.weights = manager.newSubManager();
    try {
      this.steps = List.copyOf(architecture.inferenceSteps(block, weights));
      // PyTorch creates its kernels for a shape on first use; do that now, not in a request.
      logits(new float[DigitClassifier.PIXELS], 1);
    } catch (RuntimeException e) {
      weights.close();
      throw e;
    }
  }

  /**
   * Logits for {@code count} images.
   *
   * @param pixels {@code count × 784} ink intensities in [0, 1], image after image
   * @return {@code count × 10} logits, image after image
   */
  public float[] logits(float[] pixels, int count) {
    int size = DigitClassifier.PIXELS;
    if (pixels.length < count * size) {
      throw new IllegalArgumentException(
          "expected " + count * size + " pixel values, got " + pixels.length);
    }
    float[] normalized = new float[count * size];
    input.normalize(pixels, 0, normalized, 0, normalized.length);
    try (NDManager scope = weights.newSubManager()) {
      NDArray batch = scope.create(FloatBuffer.wrap(normalized), new Shape(count, 1, 28, 28));
      for (InferenceStep step : steps) {
        batch = step.apply(batch);
      }
      return batch.toFloatArray();
    }
  }

  /** Turns logits into probabilities in place, image by image (numerically stable softmax). */
  public static float[] softmaxInPlace(float[] logits) {
    for (int offset = 0; offset < logits.length; offset += 10) {
      float max = Float.NEGATIVE_INFINITY;
      for (int d = 0; d < 10; d++) {
        max = Math.max(max, logits[offset + d]);
      }
      float sum = 0;
      for (int d = 0; d < 10; d++) {
        float e = (float) Math.exp(logits[offset + d] - max);
        logits[offset + d] = e;
        sum += e;
      }
      for (int d = 0; d < 10; d++) {
        logits[offset + d] /= sum;
      }
    }
    return logits;
  }

  @Override
  public void close() {
    weights.close();
  }
}
