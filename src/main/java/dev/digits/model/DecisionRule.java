package dev.digits.model;

/**
 * Decides whether a prediction is trusted, in this order:
 *
 * <ol>
 *   <li><b>too small</b>: the ink's box is under {@value #SMALL_SHARE} of the image's shorter side
 *       and under {@value #SMALL_PIXELS} pixels, too little to read (a dot, a digit drawn tiny in a
 *       corner); a small digit in a large photo is still read;
 *   <li><b>not a digit</b> or <b>several digits</b>: for a network with decline outputs, when their
 *       probability together reaches the model's decline threshold, the larger of the two is the
 *       reason; for a network without, when its best digit's probability stays below that threshold
 *       (the maximum-softmax rule);
 *   <li><b>unsure</b>: when the best digit's share of the digits' probability stays below the
 *       model's unsure threshold, two or more digits being close;
 *   <li>otherwise <b>accepted</b>.
 * </ol>
 *
 * <p>The thresholds come from the model's {@link ModelMetadata.Calibration}, chosen on validation
 * data; an uncalibrated model uses {@link #UNCALIBRATED_DECLINE} and {@link #UNCALIBRATED_UNSURE}.
 */
public final class DecisionRule {
  /** The ink's box is too small below this share of the image's shorter side … */
  public static final double SMALL_SHARE = 0.08;

  /** … when it is also below this many pixels. */
  public static final int SMALL_PIXELS = 64;

  /** The decline threshold of a model without a calibration. */
  public static final double UNCALIBRATED_DECLINE = 0.5;

  /** The unsure threshold of a model without a calibration. */
  public static final double UNCALIBRATED_UNSURE = 0.5;

  private final boolean declineOutputs;
  private final double declineThreshold;
  private final double unsureThreshold;

  /**
   * @param declineOutputs whether the network has outputs for drawings that are not one digit
   * @param declineThreshold see the class description
   * @param unsureThreshold see the class description
   */
  public DecisionRule(boolean declineOutputs, double declineThreshold, double unsureThreshold) {
    if (!(declineThreshold >= 0 && declineThreshold <= 1)
        || !(unsureThreshold >= 0 && unsureThreshold <= 1)) {
      throw new IllegalArgumentException(
          "thresholds are probabilities in [0, 1], got "
              + declineThreshold
              + " and "
              + unsureThreshold);
    }
    this.declineOutputs = declineOutputs;
    this.declineThreshold = declineThreshold;
    this.unsureThreshold = unsureThreshold;
  }

  /** The rule a model's metadata describes. */
  public static DecisionRule of(ModelMetadata metadata) {
    ModelMetadata.Calibration calibration = metadata.calibration();
    return calibration == null
        ? new DecisionRule(metadata.declines(), UNCALIBRATED_DECLINE, UNCALIBRATED_UNSURE)
        : new DecisionRule(
            metadata.declines(), calibration.declineThreshold(), calibration.unsureThreshold());
  }

  /**
   * The decision about a prediction.
   *
   * @param ink the ink's size in its image, or {@code null} where unknown (a 28 × 28 input)
   */
  public Decision decide(Prediction prediction, InkExtent ink) {
    if (ink != null && ink.share() < SMALL_SHARE && ink.longerSide() < SMALL_PIXELS) {
      return Decision.declined(Decision.Reason.TOO_SMALL);
    }
    if (declineOutputs) {
      if (prediction.declineProbability() >= declineThreshold) {
        return Decision.declined(
            prediction.output(OutputClasses.SEVERAL_DIGITS)
                    > prediction.output(OutputClasses.NOT_A_DIGIT)
                ? Decision.Reason.SEVERAL_DIGITS
                : Decision.Reason.NOT_A_DIGIT);
      }
    } else if (prediction.confidence() < declineThreshold) {
      return Decision.declined(Decision.Reason.NOT_A_DIGIT);
    }
    if (bestShare(prediction) < unsureThreshold) {
      return Decision.declined(Decision.Reason.UNSURE);
    }
    return Decision.ACCEPTED;
  }

  /** The best digit's share of the probability the digits have together. */
  static double bestShare(Prediction prediction) {
    double digits = 1 - prediction.declineProbability();
    return digits <= 0 ? 0 : prediction.confidence() / digits;
  }

  public double declineThreshold() {
    return declineThreshold;
  }

  public double unsureThreshold() {
    return unsureThreshold;
  }
}
