package dev.digits.cli;

import dev.digits.data.IdxReader;
import dev.digits.data.LabelledImages;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.EvaluationSummary;
import dev.digits.evaluation.Evaluator;
import dev.digits.evaluation.TextReport;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.Json;
import dev.digits.model.TorchClassifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code digits evaluate}: how good a model is on the MNIST test set or any IDX pair. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate a model: accuracy, loss, per-class precision/recall/F1, confusion matrix, the"
            + " most confident mistakes.")
final class EvaluateCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "MODEL",
      defaultValue = "default",
      description = "A model file, or the name of a bundled model. Default: ${DEFAULT-VALUE}.")
  String model;

  @Mixin DataOptions data;
  @Mixin ThreadOptions threads;

  @Option(
      names = "--images",
      paramLabel = "FILE",
      description =
          "Evaluate on this IDX image file instead of the MNIST test set (needs --labels).")
  Path images;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description = "The IDX label file that goes with --images.")
  Path labels;

  @Option(
      names = "--mistakes",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many of the most confident mistakes to list. Default: ${DEFAULT-VALUE}.")
  int mistakes;

  @Option(names = "--json", description = "Print the results as JSON instead of tables.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if ((images == null) != (labels == null)) {
      throw new IllegalArgumentException("--images and --labels go together");
    }
    if (mistakes < 0) {
      throw new IllegalArgumentException("--mistakes must be ≥ 0");
    }
    LabelledImages set;
    String dataset;
    if (images != null) {
      set = LabelledImages.of(IdxReader.readImages(images), IdxReader.readLabels(labels));
      dataset = images.getFileName().toString();
      if (set.images().rows() != 28 || set.images().cols() != 28) {
        throw new IllegalArgumentException(
            images
                + ": images are "
                + set.images().rows()
                + "×"
                + set.images().cols()
                + ", the models need 28×28");
      }
    } else {
      set = data.load().test();
      dataset = "MNIST test set";
    }
    DjlEnvironment.configure(threads.threads);
    try (TorchClassifier classifier = ModelArgument.open(model)) {
      EvaluationResult result = Evaluator.evaluate(classifier.inference(), set);
      EvaluationSummary summary =
          EvaluationSummary.of(classifier.metadata(), dataset, result, mistakes);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(summary));
      } else {
        TextReport.print(summary, System.out);
      }
    }
    return 0;
  }
}
