package dev.digits.model;

import java.util.List;

/**
 * A trained model ready to answer: 28×28 images in, ten probabilities out.
 *
 * <p>Input pixels are ink intensities in [0, 1] (0 = background, 1 = full ink), row-major, 784 per
 * image: the same scale as MNIST's bytes divided by 255. The classifier applies the model's own
 * input normalization, so callers never do. Implementations are safe for concurrent use.
 */
public interface DigitClassifier extends AutoCloseable {

  /** Number of pixels in one input image. */
  int PIXELS = 28 * 28;

  /** How this model was made and how good it is. */
  ModelMetadata metadata();

  /** Classifies one image of {@link #PIXELS} ink intensities. */
  default Prediction classify(float[] pixels) {
    return classifyAll(List.of(pixels)).get(0);
  }

  /** Classifies several images in one forward pass; results are in input order. */
  List<Prediction> classifyAll(List<float[]> images);

  @Override
  void close();
}
