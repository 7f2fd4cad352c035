package dev.digits.benchmark;

import dev.digits.data.MnistDataset;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.Evaluator;
import dev.digits.model.Inference;
import dev.digits.model.ModelMetadata.EpochRecord;
import dev.digits.model.TrainingConfig;
import dev.digits.training.ModelTrainer;
import dev.digits.training.TrainingListener;
import dev.digits.training.TrainingOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The training time a recipe needs to reach a given accuracy on the official test set: trains it as
 * {@code digits train} would, measures the test set after every epoch, and stops once the target is
 * reached.
 *
 * <p>Looking at the test set after every epoch would be cheating if it chose a model; here it only
 * times a fixed recipe, which is what the figure means. The test evaluations themselves are not
 * counted as training time; the recipe's own validation is.
 */
public final class TimeToAccuracy {

  /**
   * Where training stood after one epoch.
   *
   * @param epoch 1-based epoch
   * @param testAccuracy accuracy on the test set
   * @param testLoss mean cross-entropy on it
   * @param trainingSeconds training time since the start, without the test evaluations
   */
  public record EpochPoint(
      int epoch, double testAccuracy, double testLoss, double trainingSeconds) {}

  /**
   * The whole run.
   *
   * @param architecture the trained architecture
   * @param target the test accuracy aimed at
   * @param epochs every finished epoch
   * @param reached whether the last epoch reached the target
   */
  public record Result(
      String architecture, double target, List<EpochPoint> epochs, boolean reached) {

    /** The training time to the target, or {@code null} when it was not reached. */
    public Double secondsToTarget() {
      return reached ? epochs.get(epochs.size() - 1).trainingSeconds() : null;
    }
  }

  private TimeToAccuracy() {}

  /**
   * Trains {@code recipe} until the test accuracy reaches {@code target} or the epochs run out.
   *
   * @param progress hears about every batch and epoch, e.g. to show a progress bar
   * @param onEpoch receives each epoch's point as soon as it is measured
   */
  public static Result run(
      TrainingConfig recipe,
      MnistDataset data,
      double target,
      TrainingListener progress,
      Consumer<EpochPoint> onEpoch)
      throws IOException {
    Measure measure = new Measure(data, target, progress, onEpoch);
    Path checkpoint = Files.createTempFile("digits-time-to-accuracy", ".ckpt");
    checkpoint.toFile().deleteOnExit();
    try (TrainingOutcome outcome =
        new ModelTrainer(recipe, data, measure).train(checkpoint, null, () -> measure.reached)) {
      return new Result(
          recipe.architecture(), target, List.copyOf(measure.points), measure.reached);
    } finally {
      Files.deleteIfExists(checkpoint);
    }
  }

  /**
   * Passes progress on, and measures the network on the test set after every epoch. The run's
   * checkpoints are scratch files of the benchmark, so they are not reported.
   */
  private static final class Measure implements TrainingListener {
    private final MnistDataset data;
    private final double target;
    private final TrainingListener progress;
    private final Consumer<EpochPoint> onEpoch;
    private final List<EpochPoint> points = new ArrayList<>();
    private long started;
    private long testingNanos;
    private volatile boolean reached;

    Measure(
        MnistDataset data, double target, TrainingListener progress, Consumer<EpochPoint> onEpoch) {
      this.data = data;
      this.target = target;
      this.progress = progress;
      this.onEpoch = onEpoch;
    }

    @Override
    public void started(Progress start) {
      started = System.nanoTime();
      progress.started(start);
    }

    @Override
    public void batchFinished(Progress batch) {
      progress.batchFinished(batch);
    }

    @Override
    public void epochFinished(EpochRecord record, int epochs, double etaSeconds) {
      progress.epochFinished(record, epochs, etaSeconds);
    }

    @Override
    public void networkAfterEpoch(int epoch, Inference network) {
      long begin = System.nanoTime();
      double trainingSeconds = (begin - started - testingNanos) / 1e9;
      EvaluationResult test = Evaluator.evaluate(network, data.test());
      testingNanos += System.nanoTime() - begin;
      EpochPoint point = new EpochPoint(epoch, test.accuracy(), test.meanLoss(), trainingSeconds);
      points.add(point);
      onEpoch.accept(point);
      reached = test.accuracy() >= target;
    }
  }
}
