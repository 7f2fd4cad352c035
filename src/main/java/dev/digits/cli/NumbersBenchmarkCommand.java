package dev.digits.cli;

import dev.digits.benchmark.NumberReadingBenchmark;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.TorchClassifier;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingLimits;
import dev.digits.reading.NumberReader;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code digits benchmark numbers}: how often whole numbers are read exactly. */
@Command(
    name = "numbers",
    mixinStandardHelpOptions = true,
    description = {
      "Measure how often whole numbers are read exactly.",
      "",
      "Generates numbers of 2 to 6 digits, alternately from MNIST's test digits and from the"
          + " bundled pen digits of writers the model never trained on, with gaps wide (a third of"
          + " the height), narrow (a tenth) or touching (strokes meet), a drifting baseline and"
          + " digits of uneven sizes; reads each as digits read does and reports the share read"
          + " exactly by length, gap and source. The same seed gives the same numbers."
    })
final class NumbersBenchmarkCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "default",
      description = "Model file or bundled model name. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "600",
      description = "Numbers to generate. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "17",
      description = "Seed of the numbers. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Mixin DataOptions data;
  @Mixin ThreadOptions threads;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be ≥ 1");
    }
    DjlEnvironment.configure(threads.threads);
    try (TorchClassifier classifier = ModelArgument.open(model)) {
      NumberReadingBenchmark benchmark =
          new NumberReadingBenchmark(
              data.load().test(), EvaluateCommand.unseenPenDigits(classifier.metadata()));
      NumberReadingBenchmark.Result result =
          benchmark.run(
              new NumberReader(new DigitPreprocessor(PreprocessingLimits.DEFAULT)),
              classifier,
              count,
              seed);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "%s: %d of %d numbers read exactly (%.1f %%), seed %d%n",
          classifier.metadata().name(),
          result.exact(),
          result.count(),
          100 * result.share(),
          seed);
      print(out, "digits", result.byLength());
      print(out, "gap", result.byGap());
      print(out, "source", result.bySource());
      out.flush();
    }
    return 0;
  }

  private static void print(PrintWriter out, String heading, Map<?, int[]> counts) {
    out.printf(Locale.ROOT, "%n%-10s %8s %8s%n", heading, "exact", "numbers");
    counts.forEach(
        (key, count) ->
            out.printf(
                Locale.ROOT,
                "%-10s %7.1f%% %8d%n",
                key.toString().toLowerCase(Locale.ROOT),
                100.0 * count[0] / count[1],
                count[1]));
  }
}
