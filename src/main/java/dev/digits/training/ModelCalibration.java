package dev.digits.training;

import dev.digits.corpus.NonDigitKind;
import dev.digits.corpus.NonDigits;
import dev.digits.corpus.Renderings;
import dev.digits.data.LabelledImages;
import dev.digits.evaluation.Calibrations;
import dev.digits.evaluation.Declines;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.Evaluator;
import dev.digits.model.DecisionRule;
import dev.digits.model.Inference;
import dev.digits.model.ModelMetadata;
import dev.digits.model.OutputClasses;
import dev.digits.model.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a model's {@link ModelMetadata.Calibration} — temperature and decision thresholds — on its
 * validation data (MNIST's held-out images, held-out writers' pen digits, validation non-digits),
 * and measures the held-out kinds of non-digit with it. Used after training, and by {@code digits
 * calibrate} for a model trained before.
 */
public final class ModelCalibration {
  /** Drawings of each held-out kind of non-digit measured. */
  static final int HELD_OUT_EXAMPLES = 600;

  private static final long HELD_OUT_SEED = 0x4E1D_0D75L;

  private ModelCalibration() {}

  /**
   * Calibrates a network trained with {@code recipe}, on that recipe's validation data.
   *
   * @param network the network at temperature 1
   */
  public static ModelMetadata.Calibration fit(
      Inference network,
      TrainingConfig recipe,
      TrainingSources sources,
      TrainingListener listener) {
    DataSplit split =
        DataSplit.of(
            sources.mnist().train().size(), recipe.validationSize(), recipe.trainingLimit());
    return fit(
        network,
        TrainingExamples.validationOnly(recipe, sources, split, listener),
        sources,
        split,
        listener);
  }

  static ModelMetadata.Calibration fit(
      Inference network,
      TrainingExamples examples,
      TrainingSources sources,
      DataSplit split,
      TrainingListener listener) {
    boolean declineOutputs = network.outputs() > OutputClasses.DIGITS;
    EvaluationResult mnist =
        Evaluator.evaluate(network, sources.mnist().train(), split.validation());
    EvaluationResult pen =
        examples.penValidation == null ? null : Evaluator.evaluate(network, examples.penValidation);
    EvaluationResult nonDigits =
        examples.nonDigitValidation == null
            ? null
            : Evaluator.evaluate(network, examples.nonDigitValidation);
    ModelMetadata.Calibration calibration = Calibrations.fit(mnist, pen, nonDigits, declineOutputs);
    if (examples.nonDigitValidation == null) {
      return calibration;
    }
    Map<String, Double> figures = new LinkedHashMap<>(calibration.validation());
    DecisionRule rule =
        new DecisionRule(
            declineOutputs, calibration.declineThreshold(), calibration.unsureThreshold());
    NonDigits generator = TrainingExamples.validationGenerator(sources, examples.writers, split);
    for (NonDigitKind kind : NonDigitKind.values()) {
      if (kind.heldOut()) {
        LabelledImages drawings =
            Renderings.nonDigits(
                    generator,
                    List.of(kind),
                    new double[] {1},
                    HELD_OUT_EXAMPLES,
                    Seeds.mix(HELD_OUT_SEED, kind.ordinal()),
                    done -> listener.examplesDrawn(kind.description(), done, HELD_OUT_EXAMPLES))
                .examples();
        EvaluationResult result =
            Calibrations.atTemperature(
                Evaluator.evaluate(network, drawings), calibration.temperature());
        figures.put(
            "heldOut." + kind.id() + ".declined", Declines.of(result, rule).declinedShare());
      }
    }
    return new ModelMetadata.Calibration(
        calibration.temperature(),
        calibration.declineThreshold(),
        calibration.unsureThreshold(),
        figures);
  }
}
