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
  private final int outputs;
  private final double temperature;

  /**
   * A loaded model file's network, with the architecture, normalization and calibration its
   * metadata records; the copied weights live under the model's manager.
   */
  public static Inference of(LoadedModel loaded) {
    ModelMetadata.Calibration calibration = loaded.metadata().calibration();
    return new Inference(
        Architecture.byId(loaded.metadata().architecture()),
        loaded.model().getBlock(),
        loaded.metadata().input(),
        loaded.model().getNDManager(),
        calibration == null ? 1 : calibration.temperature());
  }

  /**
   * An uncalibrated network (temperature 1), e.g. one in training.
   *
   * @see #Inference(Architecture, Block, ModelMetadata.InputSpec, NDManager, double)
   */
  public Inference(
      Architecture architecture, Block block, ModelMetadata.InputSpec input, NDManager manager) {
    this(architecture, block, input, manager, 1);
  }

  /**
   * @param architecture the architecture {@code block} was made by
   * @param block an initialized network with trained weights
   * @param input the normalization the network was trained with
   * @param manager the manager to keep the weights' copies under (a sub-manager of it)
   * @param temperature logits are divided by this before the softmax of {@link #probabilities}
   * @throws IllegalArgumentException if the block does not have the architecture's layers
   */
  public Inference(
      Architecture architecture,
      Block block,
      ModelMetadata.InputSpec input,
      NDManager manager,
      double temperature) {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive, got " + temperature);
    }
    this.input = input;
    this.temperature = temperature;
    this.weights = manager.newSubManager();
    try {
      this.steps = List.copyOf(architecture.inferenceSteps(block, weights));
      // PyTorch creates its kernels for a shape on first use; do that now, not in a request.
      this.outputs = logits(new float[DigitClassifier.PIXELS], 1).length;
    } catch (RuntimeException e) {
      weights.close();
      throw e;
    }
  }

  /** Logits per image: 10 digits, or 12 for a network that declines. */
  public int outputs() {
    return outputs;
  }

  /** The temperature {@link #probabilities} divides the logits by. */
  public double temperature() {
    return temperature;
  }

  /**
   * Calibrated probabilities of every output for {@code count} images: the softmax of the logits
   * divided by the temperature.
   *
   * @return {@code count × outputs()} probabilities, image after image
   */
  public float[] probabilities(float[] pixels, int count) {
    return softmaxInPlace(logits(pixels, count), outputs, temperature);
  }

  /**
   * Logits for {@code count} images.
   *
   * @param pixels {@code count × 784} ink intensities in [0, 1], image after image
   * @return {@code count × outputs()} logits, image after image
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

  /**
   * Turns logits into probabilities in place, image by image: the numerically stable softmax of the
   * logits divided by {@code temperature}.
   *
   * @param outputs logits per image
   */
  public static float[] softmaxInPlace(float[] logits, int outputs, double temperature) {
    float scale = (float) (1 / temperature);
    for (int offset = 0; offset < logits.length; offset += outputs) {
      float max = Float.NEGATIVE_INFINITY;
      for (int d = 0; d < outputs; d++) {
        max = Math.max(max, logits[offset + d]);
      }
      float sum = 0;
      for (int d = 0; d < outputs; d++) {
        float e = (float) Math.exp((logits[offset + d] - max) * scale);
        logits[offset + d] = e;
        sum += e;
      }
      for (int d = 0; d < outputs; d++) {
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
