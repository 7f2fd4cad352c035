package dev.digits.model;

import java.util.Objects;

/**
 * The complete recipe a model is trained with. It travels inside every model file, so a model can
 * always say how it was made and be trained again the same way.
 *
 * @param architecture name of an {@link Architecture}
 * @param epochs passes over the training examples
 * @param batchSize images per optimizer step
 * @param optimizer update rule
 * @param learningRate peak learning rate of the schedule
 * @param schedule how the learning rate moves from step to step
 * @param l1 strength λ of the L1 penalty λ·Σ|w| over convolution and dense weights, added to the
 *     loss
 * @param l2 strength λ of the L2 penalty λ·Σw² over convolution and dense weights, added to the
 *     loss
 * @param augmentation random distortions applied to training images
 * @param seed seed of every random choice: initial weights, data order, augmentation, dropout
 * @param validationSize images held out of the 60,000 training images for model selection
 * @param trainingLimit use only this many training images (0 = all); for quick runs and tests
 */
public record TrainingConfig(
    String architecture,
    int epochs,
    int batchSize,
    OptimizerKind optimizer,
    float learningRate,
    Schedule schedule,
    float l1,
    float l2,
    Augmentation augmentation,
    long seed,
    int validationSize,
    int trainingLimit) {

  /** Update rules. */
  public enum OptimizerKind {
    /** Adam (β1 0.9, β2 0.999, ε 1e-8). */
    ADAM,
    /** Stochastic gradient descent with (heavy-ball) momentum 0.9. */
    SGD
  }

  /** Learning-rate schedules over the whole run. */
  public enum Schedule {
    /** Warm up linearly for 25 % of the steps, then anneal by cosine to lr/1000. */
    ONE_CYCLE,
    /** Cosine annealing from the peak to zero, with a short warm-up. */
    COSINE,
    /** The same rate throughout. */
    CONSTANT
  }

  /**
   * Random distortions of training images. They teach the network what people draw: tilted, smaller
   * or larger, off-centre digits, with thicker or thinner strokes than MNIST's pen.
   *
   * @param rotationDegrees maximum rotation either way
   * @param scale maximum relative change of size (0.1 = 90 % to 110 %)
   * @param shiftPixels maximum translation in pixels along each axis
   * @param strokeProbability probability of thickening or thinning the strokes of an image
   */
  public record Augmentation(
      float rotationDegrees, float scale, float shiftPixels, float strokeProbability) {

    /** No distortion at all. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0);

    /** True when any distortion is switched on. */
    public boolean enabled() {
      return rotationDegrees > 0 || scale > 0 || shiftPixels > 0 || strokeProbability > 0;
    }
  }

  public TrainingConfig {
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(augmentation, "augmentation");
    requirePositive("epochs", epochs);
    requirePositive("batch size", batchSize);
    if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be a positive number, got " + learningRate);
    }
    if (!(l1 >= 0) || !(l2 >= 0) || !Float.isFinite(l1) || !Float.isFinite(l2)) {
      throw new IllegalArgumentException(
          "L1 and L2 strengths must be ≥ 0, got " + l1 + " and " + l2);
    }
    if (validationSize < 0 || validationSize >= 60_000) {
      throw new IllegalArgumentException(
          "validation size must be in [0, 60000), got " + validationSize);
    }
    if (trainingLimit < 0) {
      throw new IllegalArgumentException("training limit must be ≥ 0, got " + trainingLimit);
    }
  }

  /** Which penalties are on: "none", "L1", "L2" or "L1+L2". */
  public String regularization() {
    if (l1 > 0 && l2 > 0) {
      return "L1+L2";
    }
    if (l1 > 0) {
      return "L1";
    }
    return l2 > 0 ? "L2" : "none";
  }

  /** This recipe with other penalty strengths. */
  public TrainingConfig withPenalties(float newL1, float newL2) {
    return new TrainingConfig(
        architecture,
        epochs,
        batchSize,
        optimizer,
        learningRate,
        schedule,
        newL1,
        newL2,
        augmentation,
        seed,
        validationSize,
        trainingLimit);
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }
}
