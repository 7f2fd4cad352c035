package dev.digits.evaluation;

import dev.digits.corpus.MnistGlyphs;
import dev.digits.corpus.NonDigitKind;
import dev.digits.corpus.NonDigits;
import dev.digits.corpus.PenStyle;
import dev.digits.corpus.Renderings;
import dev.digits.data.LabelledImages;
import dev.digits.data.PenDigit;
import dev.digits.model.DecisionRule;
import dev.digits.model.Inference;
import dev.digits.model.ModelMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Evaluations on drawings rather than on MNIST's own images: pen digits of real writers and MNIST
 * digits redrawn on the page's canvas, generated non-digits of every kind, all through the path a
 * drawing takes on the page ({@link dev.digits.corpus.CanvasPath}), decided by the model's {@link
 * DecisionRule}.
 */
public final class RealWorldEvaluation {
  private final Inference network;
  private final ModelMetadata metadata;
  private final DecisionRule rule;

  /** Evaluates {@code network}, whose metadata (calibration, outputs) is {@code metadata}. */
  public RealWorldEvaluation(Inference network, ModelMetadata metadata) {
    this.network = network;
    this.metadata = metadata;
    this.rule = DecisionRule.of(metadata);
  }

  /** Pen digits, each drawn {@code renders} times in styles from {@code seed}. */
  public PenSummary penDigits(
      String source, List<PenDigit> digits, int renders, long seed, IntConsumer progress) {
    LabelledImages drawings = Renderings.penDigits(digits, renders, PenStyle.PAGE, seed, progress);
    EvaluationResult result = Evaluator.evaluate(network, drawings);
    Map<Integer, int[]> byWriter = new TreeMap<>();
    int accepted = 0;
    int declined = 0;
    for (int i = 0; i < result.count(); i++) {
      int writer = digits.get(i / renders).writer();
      boolean right = result.predicted(i) == result.labels()[i];
      boolean accept = rule.decide(Calibrations.prediction(result, i), null).accepted();
      int[] counts = byWriter.computeIfAbsent(writer, w -> new int[3]);
      counts[0]++;
      counts[1] += right ? 1 : 0;
      counts[2] += right && accept ? 1 : 0;
      accepted += right && accept ? 1 : 0;
      declined += accept ? 0 : 1;
    }
    List<PenSummary.WriterScore> writers = new ArrayList<>();
    byWriter.forEach(
        (writer, c) ->
            writers.add(
                new PenSummary.WriterScore(
                    writer, c[0], (double) c[1] / c[0], (double) c[2] / c[0])));
    int count = result.count();
    return new PenSummary(
        source,
        renders,
        seed,
        count,
        result.accuracy(),
        (double) accepted / count,
        (double) declined / count,
        List.copyOf(writers));
  }

  /**
   * How well the model declines: on the MNIST test set ({@code mnistTest}, already evaluated), on
   * {@code redrawn} MNIST test digits drawn on the canvas, on {@code pen} digits if given, and on
   * {@code perKind} generated drawings of every kind of non-digit.
   *
   * @param generator draws the non-digits; its several-digit drawings must come from digits the
   *     model never trained on
   */
  public DeclineSummary declines(
      EvaluationResult mnistTest,
      LabelledImages testImages,
      int redrawn,
      List<PenDigit> pen,
      NonDigits generator,
      int perKind,
      long seed,
      IntConsumer progress) {
    List<DeclineSummary.DigitSet> digitSets = new ArrayList<>();
    List<EvaluationResult> digitResults = new ArrayList<>();
    digitSets.add(DeclineSummary.DigitSet.of("MNIST test set", Declines.of(mnistTest, rule)));
    digitResults.add(mnistTest);
    if (redrawn > 0) {
      EvaluationResult drawn = Evaluator.evaluate(network, redraw(testImages, redrawn, seed));
      digitSets.add(
          DeclineSummary.DigitSet.of(
              "MNIST test digits redrawn on the canvas", Declines.of(drawn, rule)));
      digitResults.add(drawn);
    }
    if (pen != null && !pen.isEmpty()) {
      EvaluationResult penResult =
          Evaluator.evaluate(network, Renderings.penDigits(pen, 1, PenStyle.PAGE, seed, progress));
      digitSets.add(DeclineSummary.DigitSet.of("pen digits", Declines.of(penResult, rule)));
      digitResults.add(penResult);
    }
    List<DeclineSummary.KindScore> kinds = new ArrayList<>();
    List<EvaluationResult> nonDigitResults = new ArrayList<>();
    for (NonDigitKind kind : NonDigitKind.values()) {
      LabelledImages drawings =
          Renderings.nonDigits(
                  generator,
                  List.of(kind),
                  new double[] {1},
                  perKind,
                  seed ^ (kind.ordinal() * 0x9E3779B97F4A7C15L),
                  progress)
              .examples();
      EvaluationResult result = Evaluator.evaluate(network, drawings);
      kinds.add(DeclineSummary.KindScore.of(kind, Declines.of(result, rule)));
      nonDigitResults.add(result);
    }
    ModelMetadata.Calibration calibration = metadata.calibration();
    return new DeclineSummary(
        new DeclineSummary.Rule(
            calibration == null ? 1 : calibration.temperature(),
            rule.declineThreshold(),
            rule.unsureThreshold(),
            metadata.declines()),
        List.copyOf(digitSets),
        List.copyOf(kinds),
        Declines.auroc(concat(digitResults), concat(nonDigitResults)),
        seed);
  }

  /** The first {@code count} test digits, each redrawn on the canvas in a style from the seed. */
  static LabelledImages redraw(LabelledImages test, int count, long seed) {
    int[] first = java.util.stream.IntStream.range(0, Math.min(count, test.size())).toArray();
    return Renderings.mnistDigits(new MnistGlyphs(test, first), PenStyle.PAGE, seed, done -> {});
  }

  private static EvaluationResult concat(List<EvaluationResult> results) {
    int outputs = results.get(0).outputs();
    int total = results.stream().mapToInt(EvaluationResult::count).sum();
    int[] indices = new int[total];
    int[] labels = new int[total];
    float[] probabilities = new float[total * outputs];
    int at = 0;
    for (EvaluationResult result : results) {
      System.arraycopy(result.labels(), 0, labels, at, result.count());
      System.arraycopy(
          result.probabilities(), 0, probabilities, at * outputs, result.count() * outputs);
      at += result.count();
    }
    return new EvaluationResult(indices, labels, probabilities, outputs);
  }
}
