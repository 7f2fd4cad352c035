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
 * @param mixture what is trained beside MNIST: real people's pen digits and generated non-digits
 *     ({@code null} in files of models trained on MNIST alone)
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
    int trainingLimit,
    Mixture mixture) {

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

  /**
   * What is trained beside MNIST's digits. Pen digits are drawn on the page's canvas in random
   * styles and preprocessed as the server does; non-digits are generated (letters, symbols,
   * scribbles, dots, lines, shapes, several digits side by side) and teach the network to decline.
   *
   * @param penRenders how many times each pen digit of a training writer is drawn (0 = none)
   * @param nonDigits how many generated non-digits train (0 = none: the network has ten outputs)
   * @param validationWriters pen writers held out for validation, never trained on
   */
  public record Mixture(int penRenders, int nonDigits, int validationWriters) {
    /** MNIST alone, as models trained before pen digits and declining were. */
    public static final Mixture MNIST_ONLY = new Mixture(0, 0, 0);

    public Mixture {
      if (penRenders < 0 || nonDigits < 0 || validationWriters < 0) {
        throw new IllegalArgumentException(
            "pen renders, non-digits and validation writers must be ≥ 0: " + this);
      }
    }

    /** True when the network learns to decline, with outputs beyond the ten digits. */
    public boolean declines() {
      return nonDigits > 0;
    }

    /** True when pen digits are drawn or validated on. */
    public boolean usesPenDigits() {
      return penRenders > 0 || validationWriters > 0 || nonDigits > 0;
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
    if (mixture == null) {
      mixture = Mixture.MNIST_ONLY;
    }
  }

  /** A builder starting from this recipe. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder starting from the project's default recipe. */
  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  /**
   * The default recipe, which made the bundled default model: lean-cnn, 30 epochs of Adam at 0.003
   * with a one-cycle schedule, augmentation, MNIST plus pen digits drawn twice and 12,000 generated
   * non-digits, 6 pen writers held out.
   */
  public static final TrainingConfig DEFAULT =
      new TrainingConfig(
          "lean-cnn",
          30,
          128,
          OptimizerKind.ADAM,
          0.003f,
          Schedule.ONE_CYCLE,
          0,
          0,
          new Augmentation(12, 0.12f, 2.5f, 0.3f),
          1,
          5000,
          0,
          new Mixture(2, 12_000, 6));

  /** Builds a {@link TrainingConfig} one component at a time; {@link #build} checks it. */
  public static final class Builder {
    private String architecture;
    private int epochs;
    private int batchSize;
    private OptimizerKind optimizer;
    private float learningRate;
    private Schedule schedule;
    private float l1;
    private float l2;
    private Augmentation augmentation;
    private long seed;
    private int validationSize;
    private int trainingLimit;
    private Mixture mixture;

    private Builder(TrainingConfig from) {
      architecture = from.architecture;
      epochs = from.epochs;
      batchSize = from.batchSize;
      optimizer = from.optimizer;
      learningRate = from.learningRate;
      schedule = from.schedule;
      l1 = from.l1;
      l2 = from.l2;
      augmentation = from.augmentation;
      seed = from.seed;
      validationSize = from.validationSize;
      trainingLimit = from.trainingLimit;
      mixture = from.mixture;
    }

    public Builder architecture(String value) {
      architecture = value;
      return this;
    }

    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder optimizer(OptimizerKind value) {
      optimizer = value;
      return this;
    }

    public Builder learningRate(float value) {
      learningRate = value;
      return this;
    }

    public Builder schedule(Schedule value) {
      schedule = value;
      return this;
    }

    public Builder penalties(float newL1, float newL2) {
      l1 = newL1;
      l2 = newL2;
      return this;
    }

    public Builder augmentation(Augmentation value) {
      augmentation = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder validationSize(int value) {
      validationSize = value;
      return this;
    }

    public Builder trainingLimit(int value) {
      trainingLimit = value;
      return this;
    }

    public Builder mixture(Mixture value) {
      mixture = value;
      return this;
    }

    /**
     * The recipe.
     *
     * @throws IllegalArgumentException when a component is out of range
     */
    public TrainingConfig build() {
      return new TrainingConfig(
          architecture,
          epochs,
          batchSize,
          optimizer,
          learningRate,
          schedule,
          l1,
          l2,
          augmentation,
          seed,
          validationSize,
          trainingLimit,
          mixture);
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
    return toBuilder().penalties(newL1, newL2).build();
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }
}
