package dev.digits.evaluation;

import dev.digits.data.IdxImages;
import dev.digits.data.LabelledImages;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Inference;
import java.util.stream.IntStream;

/** Runs a network over labelled images in batches and collects its answers. */
public final class Evaluator {
  private static final int BATCH_SIZE = 500;

  private Evaluator() {}

  /** Evaluates every image of {@code data}. */
  public static EvaluationResult evaluate(Inference inference, LabelledImages data) {
    return evaluate(inference, data, IntStream.range(0, data.size()).toArray());
  }

  /** Evaluates the images of {@code data} at {@code indices}. */
  public static EvaluationResult evaluate(Inference inference, LabelledImages data, int[] indices) {
    IdxImages images = data.images();
    int size = DigitClassifier.PIXELS;
    int outputs = inference.outputs();
    float[] probabilities = new float[indices.length * outputs];
    int[] labels = new int[indices.length];
    float[] pixels = new float[BATCH_SIZE * size];
    for (int start = 0; start < indices.length; start += BATCH_SIZE) {
      int count = Math.min(BATCH_SIZE, indices.length - start);
      for (int i = 0; i < count; i++) {
        int index = indices[start + i];
        labels[start + i] = data.label(index);
        images.copyImage(index, pixels, i * size);
      }
      float[] batch = inference.probabilities(pixels, count);
      System.arraycopy(batch, 0, probabilities, start * outputs, count * outputs);
    }
    return new EvaluationResult(indices.clone(), labels, probabilities, outputs);
  }
}
