package dev.digits.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The figures of {@code digits benchmark training}, as serialized by {@code --json} and printed as
 * a table.
 *
 * @param threads PyTorch's intra-op threads
 * @param processors the cores the JVM sees
 * @param batchSize images per training step and per batched forward pass
 * @param augmentation whether training distorted its images
 * @param warmUpBatches batches run before timing
 * @param timedBatches batches timed
 * @param epochImages images in one epoch of the default recipe
 * @param architectures one row per architecture
 */
record ThroughputReport(
    int threads,
    int processors,
    int batchSize,
    boolean augmentation,
    int warmUpBatches,
    int timedBatches,
    int epochImages,
    List<ThroughputReport.Row> architectures) {

  /** One architecture's figures. */
  record Row(
      String architecture,
      long parameters,
      double trainingImagesPerSecond,
      double secondsPerEpoch,
      double inferenceImagesPerSecondOne,
      double inferenceImagesPerSecondBatch) {}

  void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Training: batch %d, augmentation %s, %s on %s; %s timed after %d warm-up%n%n",
        batchSize,
        augmentation ? "on" : "off",
        Plurals.count(threads, "thread"),
        Plurals.count(processors, "core"),
        Plurals.count(timedBatches, "batch", "batches"),
        warmUpBatches);
    out.printf(
        Locale.ROOT,
        "%-12s  %10s  %11s  %9s  %12s  %12s%n",
        "architecture",
        "parameters",
        "train img/s",
        "s/epoch",
        "infer b1",
        "infer b" + batchSize);
    for (Row row : architectures) {
      out.printf(
          Locale.ROOT,
          "%-12s  %,10d  %,11.1f  %,9.0f  %,12.1f  %,12.1f%n",
          row.architecture(),
          row.parameters(),
          row.trainingImagesPerSecond(),
          row.secondsPerEpoch(),
          row.inferenceImagesPerSecondOne(),
          row.inferenceImagesPerSecondBatch());
    }
    out.printf(
        Locale.ROOT,
        "%ns/epoch: one epoch of the default recipe (%,d images) at that speed."
            + " infer: images/s with 1 and %d images per forward pass.%n",
        epochImages,
        batchSize);
  }
}
