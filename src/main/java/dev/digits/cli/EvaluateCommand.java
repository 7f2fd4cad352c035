package dev.digits.cli;

import dev.digits.data.IdxFormatException;
import dev.digits.data.IdxImages;
import dev.digits.data.IdxReader;
import dev.digits.data.LabelledImages;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.EvaluationSummary;
import dev.digits.evaluation.Evaluator;
import dev.digits.evaluation.HtmlReport;
import dev.digits.evaluation.TextReport;
import dev.digits.io.Json;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.TorchClassifier;
import java.io.IOException;
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
            + " most confident mistakes; as tables, JSON or an HTML report.")
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
      description =
          "How many of the most confident mistakes to list (and to show first in the report)."
              + " Default: ${DEFAULT-VALUE}.")
  int mistakes;

  @Option(names = "--json", description = "Print the results as JSON instead of tables.")
  boolean json;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Also write a self-contained HTML report to DIR/index.html: figures, per-digit scores,"
              + " the confusion matrix as a heat map, and every misclassified digit as a picture.")
  Path report;

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
      set = readPair(images, labels);
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
      if (report != null) {
        Path page = HtmlReport.write(report, classifier.metadata(), summary, result, set.images());
        // On stderr, so that --json output stays one JSON document.
        System.err.println("wrote " + page);
      }
    }
    return 0;
  }

  private static LabelledImages readPair(Path images, Path labels) throws IOException {
    IdxImages pictures = IdxReader.readImages(images);
    byte[] digits = IdxReader.readLabels(labels);
    if (pictures.count() != digits.length) {
      throw new IdxFormatException(
          labels.toString(),
          digits.length + " labels, but " + images + " holds " + pictures.count() + " images");
    }
    return LabelledImages.of(pictures, digits);
  }
}
