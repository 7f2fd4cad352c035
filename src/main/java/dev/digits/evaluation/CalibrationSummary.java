package dev.digits.evaluation;

import dev.digits.model.ModelMetadata;

/**
 * How honest a model's confidences are on a set of digits: its temperature, the expected
 * calibration error ({@value Calibrations#ECE_BINS} bins) before and after the temperature, and the
 * reliability diagram after.
 *
 * @param temperature the model's temperature (1 for a model never calibrated)
 * @param eceBefore expected calibration error of the raw network (temperature 1)
 * @param eceAfter expected calibration error with the model's temperature
 * @param reliability the reliability diagram with the model's temperature
 * @param reliabilityBefore the reliability diagram of the raw network
 */
public record CalibrationSummary(
    double temperature,
    double eceBefore,
    double eceAfter,
    Reliability reliability,
    Reliability reliabilityBefore) {

  /**
   * The calibration of {@code result}, which holds the probabilities of a model with {@code
   * calibration} (or none).
   */
  public static CalibrationSummary of(
      EvaluationResult result, ModelMetadata.Calibration calibration) {
    double temperature = calibration == null ? 1 : calibration.temperature();
    // The result is at the model's temperature T; dividing its log-probabilities by 1/T undoes it.
    EvaluationResult raw = Calibrations.atTemperature(result, 1 / temperature);
    return new CalibrationSummary(
        temperature,
        Calibrations.expectedCalibrationError(raw, Calibrations.ECE_BINS),
        Calibrations.expectedCalibrationError(result, Calibrations.ECE_BINS),
        Reliability.of(result, Calibrations.ECE_BINS),
        Reliability.of(raw, Calibrations.ECE_BINS));
  }
}
