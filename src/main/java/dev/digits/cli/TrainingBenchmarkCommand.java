package dev.digits.cli;

import dev.digits.benchmark.TimeToAccuracy;
import dev.digits.benchmark.TrainingThroughput;
import dev.digits.data.MnistDataset;
import dev.digits.io.Json;
import dev.digits.model.Architecture;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.TrainingConfig;
import dev.digits.training.DataSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
      "Measure how fast each architecture trains and answers, or how long training takes to reach"
          + " a test accuracy.",
      "",
      "Measures training throughput (images/s, and the seconds one epoch of the default recipe"
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
              + " (the default, lean-cnn, for --time-to-accuracy).")
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
    List<ThroughputReport.Row> rows = new ArrayList<>();
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
          new ThroughputReport.Row(
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
      report.print(System.out);
    }
  }

  private void timeToAccuracy(TrainingConfig defaults, MnistDataset mnist) throws Exception {
    String architecture = architectures.isEmpty() ? defaults.architecture() : architectures.get(0);
    TrainingConfig recipe =
        recipe(defaults, architecture, epochs != null ? epochs : defaults.epochs(), limit);
    TimeToAccuracyReport report =
        TimeToAccuracyReport.starting(
            architecture,
            target,
            DjlEnvironment.threads(),
            Runtime.getRuntime().availableProcessors(),
            recipe.epochs(),
            trainingImages(mnist, recipe));
    if (!json) {
      report.printHeader(System.out, recipe.batchSize());
    }
    TimeToAccuracy.Result result =
        TimeToAccuracy.run(
            recipe,
            mnist,
            target,
            ConsoleProgress.onStderr(""),
            point -> {
              if (!json) {
                TimeToAccuracyReport.printEpoch(System.out, point);
              }
            });
    report = report.finished(result);
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(report));
    } else {
      report.printOutcome(System.out);
    }
  }

  private static int trainingImages(MnistDataset mnist, TrainingConfig recipe) {
    return DataSplit.of(mnist.train().size(), recipe.validationSize(), recipe.trainingLimit())
        .train()
        .length;
  }

  /**
   * The default recipe with this benchmark's architecture, batch size, epochs and limit, on MNIST
   * alone: the benchmark measures time to an accuracy on MNIST's test set.
   */
  private TrainingConfig recipe(
      TrainingConfig defaults, String architecture, int recipeEpochs, int trainingLimit) {
    return defaults.toBuilder()
        .architecture(architecture)
        .epochs(recipeEpochs)
        .batchSize(batchSize)
        .trainingLimit(trainingLimit)
        .mixture(TrainingConfig.Mixture.MNIST_ONLY)
        .build();
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
