package dev.digits.study;

import dev.digits.data.LabelledImages;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.EvaluationResult.Mistake;
import dev.digits.evaluation.Evaluator;
import dev.digits.model.Inference;
import dev.digits.model.LoadedModel;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.ModelMetadata.EpochRecord;
import dev.digits.model.WeightStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the study measures about one variant, read from its model file and its answers on the
 * test images.
 *
 * @param id the variant's short name, e.g. {@code l1-l2}
 * @param label its name for people, e.g. "L1+L2"
 * @param model the model's name, e.g. {@code study-l1-l2}
 * @param file the model file's name in the study folder
 * @param l1 λ of its L1 penalty (0 when off)
 * @param l2 λ of its L2 penalty (0 when off)
 * @param parameterCount trainable values in the network
 * @param history per-epoch training and validation loss and accuracy
 * @param trainingSeconds wall-clock training time
 * @param testImages test images evaluated
 * @param testAccuracy fraction of them classified correctly
 * @param testLoss mean cross-entropy on them
 * @param misclassified number of them classified wrongly
 * @param weights magnitudes of the penalized weights: near-zero fraction, sums, histogram
 * @param finalPenalty λ₁·Σ|w| + λ₂·Σw² of the trained weights (0 without penalties)
 * @param confusion {@code confusion[true][predicted]} counts
 * @param topConfusions the most frequent (true, predicted) pairs among the mistakes
 * @param mistakes every misclassified test image, the most confident mistake first
 * @param gitCommit commit of the code that trained the model
 */
public record VariantResult(
    String id,
    String label,
    String model,
    String file,
    float l1,
    float l2,
    long parameterCount,
    List<EpochRecord> history,
    double trainingSeconds,
    int testImages,
    double testAccuracy,
    double testLoss,
    int misclassified,
    WeightStatistics weights,
    double finalPenalty,
    int[][] confusion,
    List<ConfusionPair> topConfusions,
    List<Mistake> mistakes,
    String gitCommit) {

  /** How many confusion pairs {@link #topConfusions} lists at most. */
  static final int TOP_CONFUSIONS = 8;

  /**
   * A kind of mistake: images of digit {@code label} taken for {@code predicted}.
   *
   * @param label the true digit
   * @param predicted the digit the network answered
   * @param count how many test images it happened to
   */
  public record ConfusionPair(int label, int predicted, int count) {}

  /** Loads a variant's model file and measures it on {@code test}. */
  static VariantResult of(Variant variant, Path file, LabelledImages test) throws IOException {
    try (LoadedModel loaded = ModelFile.load(file)) {
      ModelMetadata metadata = loaded.metadata();
      EvaluationResult result;
      try (Inference inference = Inference.of(loaded)) {
        result = Evaluator.evaluate(inference, test);
      }
      WeightStatistics weights = WeightStatistics.of(loaded.model().getBlock());
      int[][] confusion = result.confusion();
      List<Mistake> mistakes = result.mistakes();
      return new VariantResult(
          variant.id(),
          variant.label(),
          metadata.name(),
          file.getFileName().toString(),
          metadata.training().l1(),
          metadata.training().l2(),
          metadata.parameterCount(),
          metadata.history(),
          metadata.metrics().trainingSeconds(),
          result.count(),
          result.accuracy(),
          result.meanLoss(),
          mistakes.size(),
          weights,
          weights.penalty(metadata.training().l1(), metadata.training().l2()),
          confusion,
          topConfusions(confusion),
          mistakes,
          metadata.gitCommit());
    }
  }

  /** The most frequent off-diagonal cells, most frequent first, ties by digit. */
  static List<ConfusionPair> topConfusions(int[][] confusion) {
    List<ConfusionPair> pairs = new ArrayList<>();
    for (int label = 0; label < 10; label++) {
      for (int predicted = 0; predicted < 10; predicted++) {
        if (label != predicted && confusion[label][predicted] > 0) {
          pairs.add(new ConfusionPair(label, predicted, confusion[label][predicted]));
        }
      }
    }
    pairs.sort(Comparator.comparingInt(ConfusionPair::count).reversed());
    return List.copyOf(pairs.subList(0, Math.min(TOP_CONFUSIONS, pairs.size())));
  }
}
