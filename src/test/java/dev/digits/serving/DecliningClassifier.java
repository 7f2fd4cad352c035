package dev.digits.serving;

import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.OutputClasses;
import dev.digits.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a network with decline outputs, calibrated with a decline threshold of {@value
 * #DECLINE} and an unsure threshold of {@value #UNSURE}, whose answer follows from the ink's shape
 * in its 28 × 28 input: tall reads as a sure 1, wide as several digits, roughly square as not a
 * digit, and half as wide as tall as a 4 that might be a 9.
 */
final class DecliningClassifier implements DigitClassifier {
  static final double DECLINE = 0.5;
  static final double UNSURE = 0.7;

  private final ModelMetadata metadata =
      FakeClassifier.catalog().defaultModel().metadata().toBuilder()
          .name("declining")
          .outputs(OutputClasses.WITH_DECLINES)
          .calibration(new ModelMetadata.Calibration(1, DECLINE, UNSURE, Map.of()))
          .build();

  /** A server's catalog holding only this model. */
  static ModelCatalog catalog() {
    return ModelCatalog.of(new DecliningClassifier());
  }

  @Override
  public ModelMetadata metadata() {
    return metadata;
  }

  @Override
  public List<Prediction> classifyAll(List<float[]> images) {
    List<Prediction> predictions = new ArrayList<>();
    for (float[] image : images) {
      predictions.add(classify(shape(image)));
    }
    return predictions;
  }

  @Override
  public void close() {}

  /** Width over height of the ink's box in the input. */
  private static double shape(float[] pixels) {
    int minX = 28;
    int minY = 28;
    int maxX = -1;
    int maxY = -1;
    for (int i = 0; i < pixels.length; i++) {
      if (pixels[i] > 0.25f) {
        minX = Math.min(minX, i % 28);
        maxX = Math.max(maxX, i % 28);
        minY = Math.min(minY, i / 28);
        maxY = Math.max(maxY, i / 28);
      }
    }
    return (maxX - minX + 1.0) / (maxY - minY + 1.0);
  }

  private static Prediction classify(double aspect) {
    float[] outputs = new float[OutputClasses.WITH_DECLINES.size()];
    if (aspect < 0.3) {
      outputs[1] = 0.97f;
      outputs[7] = 0.03f;
    } else if (aspect < 0.7) {
      outputs[4] = 0.55f;
      outputs[9] = 0.43f;
      outputs[OutputClasses.NOT_A_DIGIT] = 0.02f;
    } else if (aspect < 1.6) {
      outputs[0] = 0.2f;
      outputs[OutputClasses.NOT_A_DIGIT] = 0.7f;
      outputs[OutputClasses.SEVERAL_DIGITS] = 0.1f;
    } else {
      outputs[4] = 0.15f;
      outputs[OutputClasses.NOT_A_DIGIT] = 0.25f;
      outputs[OutputClasses.SEVERAL_DIGITS] = 0.6f;
    }
    return new Prediction(outputs);
  }
}
