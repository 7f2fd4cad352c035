package dev.digits.cli;

import dev.digits.benchmark.TimeToAccuracy;
import dev.digits.benchmark.TimeToAccuracy.EpochPoint;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The figures of {@code digits benchmark training --time-to-accuracy}, as serialized by {@code
 * --json} and printed line by line while the run goes on.
 *
 * @param architecture the trained architecture
 * @param target the test accuracy aimed at
 * @param threads PyTorch's intra-op threads
 * @param processors the cores the JVM sees
 * @param maxEpochs the recipe's epochs
 * @param trainingImages images per epoch
 * @param reached whether the target was reached
 * @param secondsToTarget training time to the target; {@code null} when not reached
 * @param epochs every finished epoch
 */
record TimeToAccuracyReport(
    String architecture,
    double target,
    int threads,
    int processors,
    int maxEpochs,
    int trainingImages,
    boolean reached,
    Double secondsToTarget,
    List<EpochPoint> epochs) {

  /** A report of a run that has not started yet. */
  static TimeToAccuracyReport starting(
      String architecture,
      double target,
      int threads,
      int processors,
      int maxEpochs,
      int trainingImages) {
    return new TimeToAccuracyReport(
        architecture,
        target,
        threads,
        processors,
        maxEpochs,
        trainingImages,
        false,
        null,
        List.of());
  }

  /** This report completed with the run's outcome. */
  TimeToAccuracyReport finished(TimeToAccuracy.Result result) {
    return new TimeToAccuracyReport(
        architecture,
        target,
        threads,
        processors,
        maxEpochs,
        trainingImages,
        result.reached(),
        result.secondsToTarget(),
        result.epochs());
  }

  /** What is measured, and the header of the per-epoch table. */
  void printHeader(PrintStream out, int batchSize) {
    out.printf(
        Locale.ROOT,
        "Time to %.2f%% test accuracy: %s, default recipe (at most %s of %,d images, batch %d),"
            + " %s on %s%n",
        100 * target,
        architecture,
        Plurals.count(maxEpochs, "epoch"),
        trainingImages,
        batchSize,
        Plurals.count(threads, "thread"),
        Plurals.count(processors, "core"));
    out.println("epoch  test accuracy  test loss  training time");
    out.flush();
  }

  /** One row of the table, printed as soon as the epoch is measured. */
  static void printEpoch(PrintStream out, EpochPoint point) {
    out.printf(
        Locale.ROOT,
        "%5d  %12.2f%%  %9.4f  %13s%n",
        point.epoch(),
        100 * point.testAccuracy(),
        point.testLoss(),
        Durations.format(point.trainingSeconds()));
    out.flush();
  }

  /** The last line: whether and when the target was reached. */
  void printOutcome(PrintStream out) {
    if (reached) {
      out.printf(
          Locale.ROOT,
          "reached %.2f%% after %s: %s of training (test evaluations not counted)%n",
          100 * target,
          Plurals.count(epochs.size(), "epoch"),
          Durations.format(secondsToTarget));
      return;
    }
    double best = epochs.stream().mapToDouble(EpochPoint::testAccuracy).max().orElse(Double.NaN);
    out.printf(
        Locale.ROOT,
        "not reached in %s: best %.2f%%%n",
        Plurals.count(epochs.size(), "epoch"),
        100 * best);
  }
}
