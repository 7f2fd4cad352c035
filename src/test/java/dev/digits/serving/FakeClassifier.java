package dev.digits.serving;

import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import dev.digits.model.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a trained model whose answer follows from the shape of the ink, so a test can only
 * pass when the image it drew really reached the model.
 *
 * <p>Preprocessing centres and scales every digit, so position says nothing; the aspect ratio of
 * the ink's bounding box survives. A tall stroke reads as {@link #TALL} (1), a wide one as {@link
 * #WIDE} (7), anything roughly square as {@link #ROUND} (0), each shifted by the model's {@code
 * offset} so that two fakes disagree. The more extreme the shape, the higher the confidence.
 */
final class FakeClassifier implements DigitClassifier {
  static final int TALL = 1;
  static final int ROUND = 0;
  static final int WIDE = 7;

  private final ModelMetadata metadata;
  private final int offset;

  FakeClassifier(String name, int offset, double testAccuracy) {
    this.metadata = metadata(name, testAccuracy);
    this.offset = offset;
  }

  /** Two fakes that disagree by one digit: "fake-a" (the default) and "fake-b". */
  static ModelCatalog catalog() {
    return ModelCatalog.of(
        new FakeClassifier("fake-a", 0, 0.9912), new FakeClassifier("fake-b", 1, Double.NaN));
  }

  /** The digit a fake with offset 0 sees in a shape of this width and height. */
  static int digitFor(double width, double height) {
    double wideness = width / (width + height);
    return wideness < 0.3 ? TALL : wideness > 0.7 ? WIDE : ROUND;
  }

  @Override
  public ModelMetadata metadata() {
    return metadata;
  }

  @Override
  public List<Prediction> classifyAll(List<float[]> images) {
    List<Prediction> predictions = new ArrayList<>(images.size());
    for (float[] image : images) {
      predictions.add(classifyOne(image));
    }
    return predictions;
  }

  @Override
  public void close() {}

  private Prediction classifyOne(float[] pixels) {
    if (pixels.length != PIXELS) {
      throw new IllegalArgumentException("expected 784 pixels, got " + pixels.length);
    }
    int minX = 28;
    int minY = 28;
    int maxX = -1;
    int maxY = -1;
    for (int i = 0; i < PIXELS; i++) {
      if (pixels[i] > 0.25f) {
        minX = Math.min(minX, i % 28);
        maxX = Math.max(maxX, i % 28);
        minY = Math.min(minY, i / 28);
        maxY = Math.max(maxY, i / 28);
      }
    }
    double width = Math.max(0, maxX - minX + 1);
    double height = Math.max(0, maxY - minY + 1);
    double wideness = width + height == 0 ? 0.5 : width / (width + height);
    int digit = (digitFor(width, height) + offset) % 10;
    float confidence = (float) (0.55 + 0.4 * Math.abs(2 * wideness - 1));
    float[] probabilities = new float[10];
    float rest = 1 - confidence;
    for (int d = 0; d < 10; d++) {
      probabilities[d] = rest * 0.1f / 7;
    }
    probabilities[digit] = confidence;
    probabilities[(digit + 1) % 10] = rest * 0.6f;
    probabilities[(digit + 2) % 10] = rest * 0.3f;
    return new Prediction(probabilities);
  }

  private static ModelMetadata metadata(String name, double testAccuracy) {
    TrainingConfig training =
        TrainingConfig.builder()
            .architecture("fake-cnn")
            .epochs(3)
            .batchSize(64)
            .optimizer(TrainingConfig.OptimizerKind.ADAM)
            .learningRate(1e-3f)
            .schedule(TrainingConfig.Schedule.ONE_CYCLE)
            .penalties(0, 1e-4f)
            .augmentation(TrainingConfig.Augmentation.NONE)
            .seed(42L)
            .validationSize(5_000)
            .trainingLimit(0)
            .mixture(TrainingConfig.Mixture.MNIST_ONLY)
            .build();
    return ModelMetadata.builder()
        .name(name)
        .description("A test double that reads the shape of the ink.")
        .architecture("fake-cnn")
        .parameterCount(1_234)
        .input(ModelMetadata.InputSpec.MNIST)
        .training(training)
        .data(new ModelMetadata.DataProvenance(Map.of(), 55_000, 5_000, 10_000))
        .metrics(new ModelMetadata.Metrics(0.99, 0.03, testAccuracy, Double.NaN, 3, 12.5, 0.01))
        .history(List.of(new ModelMetadata.EpochRecord(1, 0.3, 0.9, 0.1, 0.97, 0.01, 1e-3, 4.2)))
        .createdAt("2025-01-01T00:00:00Z")
        .gitCommit("test")
        .software(Map.of("java", "17"))
        .weightsSha256("0".repeat(64))
        .build();
  }
}
