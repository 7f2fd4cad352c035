package dev.digits.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;

/**
 * Forward passes of a network in inference mode (batch norm uses its running statistics, dropout is
 * off), for any number of images at once.
 *
 * <p>This is the raw path under every prediction in the project: the classifier, validation during
 * training and evaluation all call it, so normalization happens in exactly one place. It bypasses
 * DJL's {@code Predictor}, whose per-call translator and manager bookkeeping cost several times the
 * forward pass of a network this small. Safe for concurrent use once constructed.
 */
public final class Inference {
  private final Block block;
  private final ModelMetadata.InputSpec input;
  private final NDManager manager;
  private final ParameterStore parameters;

  /**
   * @param block an initialized network with weights
   * @param input the normalization the network was trained with
   * @param manager the manager that owns the network's weights
   */
  public Inference(Block block, ModelMetadata.InputSpec input, NDManager manager) {
    this.block = block;
    this.input = input;
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    // The parameter store fills its maps on first use; do that now, on one thread, so that
    // concurrent calls later only read them.
    logits(new float[DigitClassifier.PIXELS], 1);
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
    try (NDManager scope = manager.newSubManager()) {
      NDArray batch = scope.create(FloatBuffer.wrap(normalized), new Shape(count, 1, 28, 28));
      NDArray out = block.forward(parameters, new NDList(batch), false).singletonOrThrow();
      return out.toFloatArray();
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
}
