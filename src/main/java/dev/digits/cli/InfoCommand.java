package dev.digits.cli;

import dev.digits.io.Json;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TorchClassifier;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code digits info}: where a model came from and how good it is. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Show a model's metadata: architecture, training recipe, data, accuracy, provenance.")
final class InfoCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "MODEL",
      defaultValue = "default",
      description = "A model file, or the name of a bundled model. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--json", description = "Print the full metadata as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DjlEnvironment.configure(1);
    try (TorchClassifier classifier = ModelArgument.open(model)) {
      ModelMetadata m = classifier.metadata();
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(m));
      } else {
        print(m);
      }
    }
    return 0;
  }

  private static void print(ModelMetadata m) {
    ModelMetadata.Metrics metrics = m.metrics();
    var t = m.training();
    line("Model", m.name() + " — " + m.description());
    line(
        "Architecture",
        m.architecture() + String.format(Locale.ROOT, ", %,d parameters", m.parameterCount()));
    line(
        "Test accuracy",
        percent(metrics.testAccuracy())
            + " on "
            + m.data().testExamples()
            + " MNIST test images (loss "
            + number(metrics.testLoss())
            + ")");
    line(
        "Validation",
        percent(metrics.validationAccuracy())
            + " on "
            + m.data().validationExamples()
            + " held-out training images");
    line(
        "Training",
        String.format(
            Locale.ROOT,
            "%d epochs in %s on %,d images; batch %d; %s, lr %s %s",
            metrics.epochsCompleted(),
            Durations.format(metrics.trainingSeconds()),
            m.data().trainingExamples(),
            t.batchSize(),
            t.optimizer().name().toLowerCase(Locale.ROOT),
            t.learningRate(),
            t.schedule().name().toLowerCase(Locale.ROOT).replace('_', '-')));
    line(
        "Regularization",
        t.regularization()
            + " (L1 "
            + t.l1()
            + ", L2 "
            + t.l2()
            + "); near-zero weights "
            + percent(metrics.nearZeroWeightFraction()));
    var a = t.augmentation();
    line(
        "Augmentation",
        a.enabled()
            ? String.format(
                Locale.ROOT,
                "rotation ±%s°, scale ±%s, shift ±%s px, stroke thickness p=%s",
                a.rotationDegrees(),
                a.scale(),
                a.shiftPixels(),
                a.strokeProbability())
            : "none");
    line("Seed", Long.toString(t.seed()));
    line(
        "Input",
        m.input().width()
            + "×"
            + m.input().height()
            + ", normalized (x − "
            + m.input().mean()
            + ") / "
            + m.input().std());
    for (Map.Entry<String, String> hash : m.data().sha256().entrySet()) {
      line("Data", hash.getKey() + " sha256 " + hash.getValue());
    }
    line("Created", m.createdAt() + " from commit " + m.gitCommit());
    StringBuilder software = new StringBuilder();
    m.software()
        .forEach(
            (k, v) ->
                software
                    .append(software.length() == 0 ? "" : ", ")
                    .append(k)
                    .append(' ')
                    .append(v));
    line("Software", software.toString());
    line("Weights sha256", m.weightsSha256());
  }

  private static void line(String label, String value) {
    System.out.printf(Locale.ROOT, "%-15s %s%n", label + ":", value);
  }

  private static String percent(Double fraction) {
    return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  private static String number(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }
}
