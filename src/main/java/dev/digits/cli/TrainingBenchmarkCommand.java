package dev.digits.cli;

import dev.digits.benchmark.TimeToAccuracy;
import dev.digits.benchmark.TrainingThroughput;
import dev.digits.data.MnistDataset;
import dev.digits.model.Architecture;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.Json;
import dev.digits.model.TrainingConfig;
import dev.digits.training.DataSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code digits benchmark training}: how fast each architecture trains and answers. */
@Command(
    name = "training",
    mixinStandardHelpOptions = true,
    description = {
      "Measure training throughput (images/s, and the seconds one epoch of the default recipe"
          + " takes) and inference throughput (images/s with 1 and with BATCH images per forward"
          + " pass) of each architecture. Training uses the real training step with the default"
          + " recipe's optimizer and augmentation; a few warm-up batches are not timed.",
      "",
      "--time-to-accuracy TARGET instead trains the default recipe and reports the TEST accuracy"
          + " and the training time after every epoch, stopping once TARGET is reached. That is a"
          + " benchmark figure, not model selection, so looking at the test set is fine here."
    })
final class TrainingBenchmarkCommand implements Callable<Integer> {
  @Option(
      names = "--architecture",
      paramLabel = "NAME",
      completionCandidates = TrainingOptions.ArchitectureNames.class,
      description =
          "Architecture to measure: ${COMPLETION-CANDIDATES}; repeat for several. Default: all"
              + " (digits-cnn for --time-to-accuracy).")
  List<String> architectures = new ArrayList<>();

  @Option(
      names = "--batch-size",
      paramLabel = "BATCH",
      defaultValue = "128",
      description =
          "Images per training step and per batched forward pass. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--batches",
      paramLabel = "N",
      defaultValue = "10",
      description = "Training batches timed per architecture. Default: ${DEFAULT-VALUE}.")
  int batches;

  @Option(
      names = "--warm-up",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Batches (and forward passes) run before timing starts. Default: ${DEFAULT-VALUE}.")
  int warmUp;

  @Option(
      names = "--inference-seconds",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "How long to time each kind of forward pass. Default: ${DEFAULT-VALUE}.")
  double inferenceSeconds;

  @Option(
      names = "--time-to-accuracy",
      paramLabel = "TARGET",
      description =
          "Train the default recipe until the test accuracy reaches TARGET (e.g. 0.995),"
              + " reporting it after every epoch.")
  Double target;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description =
          "With --time-to-accuracy: the recipe's epochs, the most it trains."
              + " Default: the default recipe's.")
  Integer epochs;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "With --time-to-accuracy: train on only N images (0 = all); for quick checks.")
  int limit;

  @Option(names = "--json", description = "Print the results as JSON instead of a table.")
  boolean json;

  @Mixin DataOptions data;
  @Mixin ThreadOptions threads;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One architecture's figures, as printed and serialized. */
  record Row(
      String architecture,
      long parameters,
      double trainingImagesPerSecond,
      double secondsPerEpoch,
      double inferenceImagesPerSecondOne,
      double inferenceImagesPerSecondBatch) {}

  /** The throughput benchmark's JSON. */
  record ThroughputReport(
      int threads,
      int processors,
      int batchSize,
      boolean augmentation,
      int warmUpBatches,
      int timedBatches,
      int epochImages,
      List<Row> architectures) {}

  /** The time-to-accuracy benchmark's JSON. */
  record TimeToAccuracyReport(
      String architecture,
      double target,
      int threads,
      int processors,
      int maxEpochs,
      int trainingImages,
      boolean reached,
      Double secondsToTarget,
      List<TimeToAccuracy.EpochPoint> epochs) {}

  @Override
  public Integer call() throws Exception {
    validate();
    TrainingConfig defaults = TrainingOptions.defaultRecipe();
    DjlEnvironment.configure(threads.threads);
    MnistDataset mnist = data.load();
    if (target != null) {
      timeToAccuracy(defaults, mnist);
    } else {
      throughput(defaults, mnist);
    }
    return 0;
  }

  private void throughput(TrainingConfig defaults, MnistDataset mnist) throws Exception {
    int epochImages = trainingImages(mnist, defaults);
    List<String> measured =
        architectures.isEmpty()
            ? Arrays.stream(Architecture.values()).map(Architecture::id).toList()
            : architectures;
    List<Row> rows = new ArrayList<>();
    for (String architecture : measured) {
      System.err.println("measuring " + architecture + " …");
      TrainingThroughput.Result r =
          TrainingThroughput.measure(
              recipe(defaults, architecture, defaults.epochs(), 0),
              mnist,
              warmUp,
              batches,
              inferenceSeconds);
      rows.add(
          new Row(
              r.architecture(),
              r.parameters(),
              r.trainingImagesPerSecond(),
              r.secondsPerEpoch(epochImages),
              r.inferenceImagesPerSecondOne(),
              r.inferenceImagesPerSecondBatch()));
    }
    ThroughputReport report =
        new ThroughputReport(
            DjlEnvironment.threads(),
            Runtime.getRuntime().availableProcessors(),
            batchSize,
            defaults.augmentation().enabled(),
            warmUp,
            batches,
            epochImages,
            rows);
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(report));
    } else {
      printTable(report);
    }
  }

  private static void printTable(ThroughputReport report) {
    System.out.printf(
        Locale.ROOT,
        "Training: batch %d, augmentation %s, %s; %d batches timed after %d warm-up%n%n",
        report.batchSize(),
        report.augmentation() ? "on" : "off",
        machine(),
        report.timedBatches(),
        report.warmUpBatches());
    String batchHeader = "infer b" + report.batchSize();
    System.out.printf(
        Locale.ROOT,
        "%-12s  %10s  %11s  %9s  %12s  %12s%n",
        "architecture",
        "parameters",
        "train img/s",
        "s/epoch",
        "infer b1",
        batchHeader);
    for (Row row : report.architectures()) {
      System.out.printf(
          Locale.ROOT,
          "%-12s  %,10d  %,11.1f  %,9.0f  %,12.1f  %,12.1f%n",
          row.architecture(),
          row.parameters(),
          row.trainingImagesPerSecond(),
          row.secondsPerEpoch(),
          row.inferenceImagesPerSecondOne(),
          row.inferenceImagesPerSecondBatch());
    }
    System.out.printf(
        Locale.ROOT,
        "%ns/epoch: one epoch of the default recipe (%,d images) at that speed."
            + " infer: images/s with 1 and %d images per forward pass.%n",
        report.epochImages(),
        report.batchSize());
  }

  private void timeToAccuracy(TrainingConfig defaults, MnistDataset mnist) throws Exception {
    String architecture = architectures.isEmpty() ? defaults.architecture() : architectures.get(0);
    TrainingConfig recipe =
        recipe(defaults, architecture, epochs != null ? epochs : defaults.epochs(), limit);
    int trainingImages = trainingImages(mnist, recipe);
    if (!json) {
      System.out.printf(
          Locale.ROOT,
          "Time to %.2f%% test accuracy: %s, default recipe (at most %d epochs of %,d images,"
              + " batch %d), %s%n",
          100 * target,
          architecture,
          recipe.epochs(),
          trainingImages,
          recipe.batchSize(),
          machine());
      System.out.println("epoch  test accuracy  test loss  training time");
      System.out.flush();
    }
    TimeToAccuracy.Result result =
        TimeToAccuracy.run(
            recipe,
            mnist,
            target,
            ConsoleProgress.onStderr(""),
            point -> {
              if (!json) {
                System.out.printf(
                    Locale.ROOT,
                    "%5d  %12.2f%%  %9.4f  %13s%n",
                    point.epoch(),
                    100 * point.testAccuracy(),
                    point.testLoss(),
                    Durations.format(point.trainingSeconds()));
                System.out.flush();
              }
            });
    if (json) {
      System.out.println(
          Json.mapper()
              .writeValueAsString(
                  new TimeToAccuracyReport(
                      architecture,
                      target,
                      DjlEnvironment.threads(),
                      Runtime.getRuntime().availableProcessors(),
                      recipe.epochs(),
                      trainingImages,
                      result.reached(),
                      result.secondsToTarget(),
                      result.epochs())));
    } else if (result.reached()) {
      System.out.printf(
          Locale.ROOT,
          "reached %.2f%% after %s: %s of training (test evaluations not counted)%n",
          100 * target,
          epochCount(result.epochs().size()),
          Durations.format(result.secondsToTarget()));
    } else {
      double best =
          result.epochs().stream()
              .mapToDouble(TimeToAccuracy.EpochPoint::testAccuracy)
              .max()
              .orElse(Double.NaN);
      System.out.printf(
          Locale.ROOT,
          "not reached in %s: best %.2f%%%n",
          epochCount(result.epochs().size()),
          100 * best);
    }
  }

  /** E.g. "2 threads on 8 cores": what the figures depend on most. */
  private static String machine() {
    int threads = DjlEnvironment.threads();
    int cores = Runtime.getRuntime().availableProcessors();
    return threads
        + (threads == 1 ? " thread" : " threads")
        + " on "
        + cores
        + (cores == 1 ? " core" : " cores");
  }

  private static String epochCount(int epochs) {
    return epochs + (epochs == 1 ? " epoch" : " epochs");
  }

  private static int trainingImages(MnistDataset mnist, TrainingConfig recipe) {
    return DataSplit.of(mnist.train().size(), recipe.validationSize(), recipe.trainingLimit())
        .train()
        .length;
  }

  /** The default recipe with this benchmark's architecture, batch size, epochs and limit. */
  private TrainingConfig recipe(
      TrainingConfig defaults, String architecture, int recipeEpochs, int trainingLimit) {
    return new TrainingConfig(
        architecture,
        recipeEpochs,
        batchSize,
        defaults.optimizer(),
        defaults.learningRate(),
        defaults.schedule(),
        defaults.l1(),
        defaults.l2(),
        defaults.augmentation(),
        defaults.seed(),
        defaults.validationSize(),
        trainingLimit);
  }

  private void validate() {
    architectures.forEach(Architecture::byId);
    requireAtLeast("--batch-size", batchSize, 1);
    if (target != null) {
      if (!(target > 0 && target <= 1)) {
        throw new IllegalArgumentException(
            "--time-to-accuracy must be a fraction in (0, 1], e.g. 0.995; got " + target);
      }
      if (architectures.size() > 1) {
        throw new IllegalArgumentException("--time-to-accuracy measures one --architecture");
      }
      rejectFlags(
          "does not apply to --time-to-accuracy", "--batches", "--warm-up", "--inference-seconds");
      if (epochs != null) {
        requireAtLeast("--epochs", epochs, 1);
      }
      requireAtLeast("--limit", limit, 0);
    } else {
      rejectFlags("only applies with --time-to-accuracy", "--epochs", "--limit");
      requireAtLeast("--batches", batches, 1);
      requireAtLeast("--warm-up", warmUp, 0);
      if (!(inferenceSeconds > 0) || Double.isInfinite(inferenceSeconds)) {
        throw new IllegalArgumentException(
            "--inference-seconds must be a positive number, got " + inferenceSeconds);
      }
      long images = (long) (warmUp + batches) * batchSize;
      if (images > 60_000) {
        throw new IllegalArgumentException(
            "--warm-up, --batches and --batch-size ask for "
                + images
                + " training images; MNIST has 60,000");
      }
    }
  }

  /** Refuses any of {@code flags} given in the wrong mode, saying {@code why}. */
  private void rejectFlags(String why, String... flags) {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    for (String flag : flags) {
      if (parsed.hasMatchedOption(flag)) {
        throw new IllegalArgumentException(flag + " " + why);
      }
    }
  }

  private static void requireAtLeast(String flag, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(flag + " must be ≥ " + minimum + ", got " + value);
    }
  }
}
