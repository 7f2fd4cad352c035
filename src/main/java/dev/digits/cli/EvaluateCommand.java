package dev.digits.cli;

import dev.digits.corpus.FontGlyphs;
import dev.digits.corpus.MnistGlyphs;
import dev.digits.corpus.NonDigitKind;
import dev.digits.corpus.NonDigits;
import dev.digits.corpus.PenStyle;
import dev.digits.data.IdxFormatException;
import dev.digits.data.IdxImages;
import dev.digits.data.IdxReader;
import dev.digits.data.LabelledImages;
import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import dev.digits.evaluation.DeclineSummary;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.EvaluationSummary;
import dev.digits.evaluation.Evaluator;
import dev.digits.evaluation.HtmlReport;
import dev.digits.evaluation.PenSummary;
import dev.digits.evaluation.RealWorldEvaluation;
import dev.digits.evaluation.TextReport;
import dev.digits.io.Json;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TorchClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
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
  /** MNIST test digits the decline study redraws on the canvas. */
  private static final int REDRAWN = 1000;

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

  @Option(
      names = "--pen",
      paramLabel = "FILE",
      description =
          "Also evaluate on pen digits of real writers, replayed on the page's canvas: a UNIPEN"
              + " file (plain or gzipped), or 'validation' for the bundled file's writers the"
              + " model held out (never trained on). Reports accuracy overall and per writer.")
  String pen;

  @Option(
      names = "--renders",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "With --pen: draw each digit N times, in random styles. Default: ${DEFAULT-VALUE}.")
  int renders;

  @Option(
      names = "--declines",
      description =
          "Also score declining: real digits declined (MNIST test, MNIST test digits redrawn on"
              + " the canvas, held-out writers' pen digits), generated non-digits declined kind by"
              + " kind (held-out kinds apart), and the AUROC of digits against non-digits.")
  boolean declines;

  @Option(
      names = "--per-kind",
      paramLabel = "N",
      defaultValue = "500",
      description = "With --declines: drawings generated of each kind. Default: ${DEFAULT-VALUE}.")
  int perKind;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "20261204",
      description =
          "Seed of the drawings --pen and --declines make (never a training seed). Default:"
              + " ${DEFAULT-VALUE}.")
  long seed;

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
    if (renders < 1 || perKind < 1) {
      throw new IllegalArgumentException("--renders and --per-kind must be ≥ 1");
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
      // Read before the evaluation, so that a missing or broken pen file fails at once.
      List<PenDigit> penDigits = pen == null ? null : penDigits(pen, classifier.metadata());
      EvaluationResult result = Evaluator.evaluate(classifier.inference(), set);
      RealWorldEvaluation drawings =
          new RealWorldEvaluation(classifier.inference(), classifier.metadata());
      PenSummary penSummary =
          penDigits == null
              ? null
              : drawings.penDigits(penSource, penDigits, renders, seed, done -> {});
      DeclineSummary declineSummary =
          declines ? declineStudy(drawings, classifier.metadata(), result, set) : null;
      EvaluationSummary summary =
          EvaluationSummary.of(classifier.metadata(), dataset, result, mistakes)
              .with(penSummary, declineSummary);
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

  /** Where --pen's digits came from, as reports name it. */
  private String penSource;

  /** The digits --pen names: a file's, or those of the bundled writers the model never saw. */
  private List<PenDigit> penDigits(String which, ModelMetadata metadata) throws IOException {
    if (which.equals("validation")) {
      penSource = "bundled pen digits of writers the model never trained on";
      return unseenPenDigits(metadata);
    }
    penSource = which;
    return PenDigits.read(Path.of(which)).digits();
  }

  /**
   * The bundled pen digits the model never trained on: its validation writers', or all of them for
   * a model trained without pen digits.
   */
  static List<PenDigit> unseenPenDigits(ModelMetadata metadata) throws IOException {
    PenDigits bundled = PenDigits.bundled();
    ModelMetadata.PenDigitProvenance provenance =
        metadata.data() == null ? null : metadata.data().penDigits();
    if (provenance == null) {
      return bundled.digits();
    }
    if (!bundled.sha256().equals(provenance.sha256())) {
      throw new IllegalArgumentException(
          "model '"
              + metadata.name()
              + "' was trained on another pen-digit file; give that file to --pen");
    }
    if (provenance.validationWriters().isEmpty()) {
      throw new IllegalArgumentException(
          "model '" + metadata.name() + "' trained on every bundled pen writer; none is unseen");
    }
    return bundled.digits().stream()
        .filter(digit -> provenance.validationWriters().contains(digit.writer()))
        .toList();
  }

  /**
   * The decline study, on drawings the model never trained on: real digits are MNIST's test set and
   * unseen writers' pen digits, and several-digit drawings are made of them too.
   */
  private DeclineSummary declineStudy(
      RealWorldEvaluation drawings,
      ModelMetadata metadata,
      EvaluationResult result,
      LabelledImages test)
      throws IOException {
    List<PenDigit> unseen = unseenPenDigits(metadata);
    System.err.printf(
        Locale.ROOT,
        "drawing %,d non-digits, %,d redrawn test digits and %,d pen digits …%n",
        perKind * NonDigitKind.values().length,
        Math.min(REDRAWN, test.size()),
        unseen.size());
    NonDigits generator =
        new NonDigits(
            FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY),
            unseen,
            new MnistGlyphs(test, IntStream.range(0, Math.min(REDRAWN, test.size())).toArray()),
            PenStyle.PAGE);
    return drawings.declines(result, test, REDRAWN, unseen, generator, perKind, seed, done -> {});
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
