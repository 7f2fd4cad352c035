package dev.digits.benchmark;

import dev.digits.data.IdxImages;
import dev.digits.data.MnistDataset;
import dev.digits.model.Architecture;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Inference;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata.InputSpec;
import dev.digits.model.TrainingConfig;
import dev.digits.training.ModelTrainer;
import dev.digits.training.TrainingListener;
import dev.digits.training.TrainingOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How fast one architecture trains and answers. Training runs the real {@link ModelTrainer}, with
 * the recipe's augmentation and optimizer, on just enough images for the warm-up and the timed
 * batches; only the timed batches count, measured by the wall clock, so waiting for augmented
 * batches counts too. Inference then times forward passes of the freshly trained network through
 * the same {@link Inference} path that evaluation and the server use.
 */
public final class TrainingThroughput {

  /**
   * The figures of one architecture.
   *
   * @param architecture the architecture's name
   * @param parameters its trainable parameter count
   * @param batchSize images per training step and per batched forward pass
   * @param trainingImagesPerSecond training images per second over the timed batches
   * @param inferenceImagesPerSecondOne images per second, one image per forward pass
   * @param inferenceImagesPerSecondBatch images per second, {@code batchSize} images per pass
   */
  public record Result(
      String architecture,
      long parameters,
      int batchSize,
      double trainingImagesPerSecond,
      double inferenceImagesPerSecondOne,
      double inferenceImagesPerSecondBatch) {

    /** The seconds one epoch over {@code images} training images takes at this speed. */
    public double secondsPerEpoch(int images) {
      return images / trainingImagesPerSecond;
    }
  }

  private TrainingThroughput() {}

  /**
   * Trains {@code recipe}'s architecture for {@code warmUpBatches + timedBatches} batches and then
   * times inference for about {@code inferenceSeconds} at each batch size.
   *
   * @param recipe architecture, batch size, optimizer and augmentation to use; its epochs,
   *     validation, training limit and mixture are replaced (MNIST alone)
   */
  public static Result measure(
      TrainingConfig recipe,
      MnistDataset data,
      int warmUpBatches,
      int timedBatches,
      double inferenceSeconds)
      throws IOException {
    int totalBatches = warmUpBatches + timedBatches;
    // The speed of gradient steps on MNIST: drawing the pen digits and non-digits of a mixture is
    // done once before the first epoch, not per step.
    TrainingConfig run =
        recipe.toBuilder()
            .epochs(1)
            .validationSize(0)
            .trainingLimit(totalBatches * recipe.batchSize())
            .mixture(TrainingConfig.Mixture.MNIST_ONLY)
            .build();
    long[] finishedAt = new long[totalBatches + 1];
    TrainingListener clock =
        new TrainingListener() {
          @Override
          public void started(Progress start) {
            finishedAt[0] = System.nanoTime();
          }

          @Override
          public void batchFinished(Progress progress) {
            finishedAt[progress.batch()] = System.nanoTime();
          }
        };
    Path checkpoint = Files.createTempFile("digits-benchmark", ".ckpt");
    try (TrainingOutcome outcome =
        new ModelTrainer(run, data, clock).train(checkpoint, null, () -> false)) {
      double seconds = (finishedAt[totalBatches] - finishedAt[warmUpBatches]) / 1e9;
      double training = (double) timedBatches * recipe.batchSize() / seconds;
      var model = outcome.model();
      float[] pixels = testImages(data.test().images(), recipe.batchSize());
      try (Inference inference =
          new Inference(
              Architecture.byId(recipe.architecture()),
              model.getBlock(),
              InputSpec.MNIST,
              model.getNDManager())) {
        return new Result(
            recipe.architecture(),
            ModelFile.trainableParameterCount(model.getBlock()),
            recipe.batchSize(),
            training,
            imagesPerSecond(inference, pixels, 1, warmUpBatches, inferenceSeconds),
            imagesPerSecond(
                inference, pixels, recipe.batchSize(), warmUpBatches, inferenceSeconds));
      }
    } finally {
      Files.deleteIfExists(checkpoint);
    }
  }

  /** Forward passes of {@code batch} images: a warm-up, then as many as fit in the time. */
  private static double imagesPerSecond(
      Inference inference, float[] pixels, int batch, int warmUpPasses, double seconds) {
    for (int i = 0; i < Math.max(1, warmUpPasses); i++) {
      inference.logits(pixels, batch);
    }
    long budget = (long) (seconds * 1e9);
    long start = System.nanoTime();
    long elapsed;
    int passes = 0;
    do {
      inference.logits(pixels, batch);
      passes++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < budget);
    return (double) passes * batch / (elapsed / 1e9);
  }

  /** The first {@code count} test images, real digits rather than noise. */
  private static float[] testImages(IdxImages images, int count) {
    int size = DigitClassifier.PIXELS;
    float[] pixels = new float[count * size];
    for (int i = 0; i < count; i++) {
      images.copyImage(i % images.count(), pixels, i * size);
    }
    return pixels;
  }
}
