package dev.digits.evaluation;

import dev.digits.model.DecisionRule;
import dev.digits.model.ModelMetadata;
import java.util.List;

/**
 * The figures of one evaluation, ready to print or serialize.
 *
 * @param model name of the evaluated model
 * @param architecture its architecture
 * @param dataset what it was evaluated on, e.g. "MNIST test set (t10k)"
 * @param count images evaluated
 * @param correct images classified correctly
 * @param accuracy {@code correct / count}
 * @param meanLoss mean cross-entropy
 * @param perClass precision, recall and F1 of each digit
 * @param confusion {@code confusion[true][predicted]} counts
 * @param mistakes the most confident mistakes, most confident first
 * @param totalMistakes number of mistakes in all
 * @param calibration how honest the confidences are on this set
 * @param decisions what the model's decision rule does on this set
 * @param pen figures on pen digits of real writers when asked for, else null
 * @param declines how well the model declines when asked for, else null
 */
public record EvaluationSummary(
    String model,
    String architecture,
    String dataset,
    int count,
    int correct,
    double accuracy,
    double meanLoss,
    List<EvaluationResult.ClassScores> perClass,
    int[][] confusion,
    List<EvaluationResult.Mistake> mistakes,
    int totalMistakes,
    CalibrationSummary calibration,
    DeclineSummary.DigitSet decisions,
    PenSummary pen,
    DeclineSummary declines) {

  /** Summarizes a result, keeping the {@code maxMistakes} most confident mistakes. */
  public static EvaluationSummary of(
      ModelMetadata model, String dataset, EvaluationResult result, int maxMistakes) {
    List<EvaluationResult.Mistake> all = result.mistakes();
    return new EvaluationSummary(
        model.name(),
        model.architecture(),
        dataset,
        result.count(),
        result.correct(),
        result.accuracy(),
        result.meanLoss(),
        result.perClass(),
        result.confusion(),
        List.copyOf(all.subList(0, Math.min(maxMistakes, all.size()))),
        all.size(),
        CalibrationSummary.of(result, model.calibration()),
        DeclineSummary.DigitSet.of(dataset, Declines.of(result, DecisionRule.of(model))),
        null,
        null);
  }

  /** This summary with figures on pen digits and on declining added (either may be null). */
  public EvaluationSummary with(PenSummary penFigures, DeclineSummary declineFigures) {
    return new EvaluationSummary(
        model,
        architecture,
        dataset,
        count,
        correct,
        accuracy,
        meanLoss,
        perClass,
        confusion,
        mistakes,
        totalMistakes,
        calibration,
        decisions,
        penFigures,
        declineFigures);
  }
}
