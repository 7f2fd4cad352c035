package dev.digits.model;

import java.util.List;
import java.util.Map;

/**
 * Everything a model file says about its model: what it is, how it was trained, on which data, and
 * how well it does. Serialized as {@code metadata.json} inside the model file.
 *
 * @param formatVersion version of the model-file layout
 * @param name short name, used in URLs and the model picker
 * @param description one sentence for people
 * @param architecture name of the {@link Architecture}
 * @param parameterCount number of trainable and running-statistics values in the weights
 * @param input the image format the model expects
 * @param outputs what each output of the network stands for ({@link OutputClasses}); {@code null}
 *     in files of networks with the ten digits only
 * @param training the full training recipe
 * @param data the data the model saw
 * @param metrics quality figures measured after training
 * @param history one record per completed epoch
 * @param createdAt ISO-8601 instant at which training finished
 * @param gitCommit commit of the code that trained the model, or "unknown"
 * @param software versions of the software that trained it
 * @param weightsSha256 SHA-256 of the weights entry, checked on load
 * @param calibration how raw outputs become honest confidences and decisions; {@code null} in files
 *     of models never calibrated
 */
public record ModelMetadata(
    int formatVersion,
    String name,
    String description,
    String architecture,
    long parameterCount,
    InputSpec input,
    List<String> outputs,
    TrainingConfig training,
    DataProvenance data,
    Metrics metrics,
    List<EpochRecord> history,
    String createdAt,
    String gitCommit,
    Map<String, String> software,
    String weightsSha256,
    Calibration calibration) {

  /** The current model-file layout. */
  public static final int FORMAT_VERSION = 1;

  /**
   * The input the network expects after preprocessing.
   *
   * @param width image width in pixels (28)
   * @param height image height in pixels (28)
   * @param mean subtracted from each ink intensity in [0, 1]
   * @param std the difference is divided by this
   */
  public record InputSpec(int width, int height, float mean, float std) {
    /** MNIST's own statistics, as used by PyTorch's MNIST example. */
    public static final InputSpec MNIST = new InputSpec(28, 28, 0.1307f, 0.3081f);

    /**
     * Writes {@code (x − mean) / std} of {@code count} values from {@code from} into {@code to}.
     * Training and inference both call this, so they cannot drift apart.
     */
    public void normalize(float[] from, int fromOffset, float[] to, int toOffset, int count) {
      float scale = 1f / std;
      for (int i = 0; i < count; i++) {
        to[toOffset + i] = (from[fromOffset + i] - mean) * scale;
      }
    }
  }

  /**
   * The data a model was trained and tested on, identified by the SHA-256 of the raw files.
   *
   * @param sha256 MNIST file name → SHA-256 of its raw (un-gzipped) bytes
   * @param trainingExamples MNIST images used for gradient steps
   * @param validationExamples MNIST images held out for model selection
   * @param testExamples images of the official test set used for the final figures
   * @param penDigits the pen digits of real writers it saw, or {@code null}
   * @param nonDigits the generated non-digits it saw, or {@code null}
   */
  public record DataProvenance(
      Map<String, String> sha256,
      int trainingExamples,
      int validationExamples,
      int testExamples,
      PenDigitProvenance penDigits,
      NonDigitProvenance nonDigits) {

    /** MNIST alone. */
    public DataProvenance(
        Map<String, String> sha256,
        int trainingExamples,
        int validationExamples,
        int testExamples) {
      this(sha256, trainingExamples, validationExamples, testExamples, null, null);
    }
  }

  /**
   * Pen digits of real writers, drawn on the page's canvas.
   *
   * @param source the file, as named when read
   * @param sha256 SHA-256 of its raw bytes
   * @param credit whom to credit, and the licence
   * @param trainingWriters writers whose digits trained
   * @param validationWriters writers held out, whose digits only validated
   * @param trainingExamples drawings of the training writers' digits per epoch
   * @param validationExamples drawings of the validation writers' digits
   * @param style how the trajectories were drawn on the canvas
   */
  public record PenDigitProvenance(
      String source,
      String sha256,
      String credit,
      List<Integer> trainingWriters,
      List<Integer> validationWriters,
      int trainingExamples,
      int validationExamples,
      Map<String, Double> style) {}

  /**
   * Generated drawings that are not one digit.
   *
   * @param kindWeights trained kind → its share of the generated examples
   * @param heldOutKinds kinds never trained on, measured only
   * @param trainingExamples generated examples per epoch
   * @param validationExamples generated examples that only validate (trained kinds)
   * @param fonts font file → SHA-256, the glyphs letters and symbols were drawn from
   */
  public record NonDigitProvenance(
      Map<String, Double> kindWeights,
      List<String> heldOutKinds,
      int trainingExamples,
      int validationExamples,
      Map<String, String> fonts) {}

  /**
   * How the network's outputs become a confidence and a decision, fitted on validation data after
   * training (never on the test set).
   *
   * @param temperature the logits are divided by this before the softmax, so that a confidence of p
   *     is right about a share p of the time
   * @param declineThreshold a drawing whose probability of not being one digit reaches this is
   *     declined (networks with decline outputs); for networks without, a best digit below this
   *     probability is declined as not a digit
   * @param unsureThreshold an accepted drawing whose best digit stays below this probability is
   *     declined as unsure
   * @param validation the figures on the validation data that chose these values
   */
  public record Calibration(
      double temperature,
      double declineThreshold,
      double unsureThreshold,
      Map<String, Double> validation) {}

  /**
   * Quality figures. Fractions are in [0, 1]; a figure not measured is {@code null}.
   *
   * @param validationAccuracy accuracy on the held-out validation images
   * @param validationLoss mean cross-entropy on them
   * @param testAccuracy accuracy on the official 10,000-image test set
   * @param testLoss mean cross-entropy on it
   * @param epochsCompleted epochs actually run
   * @param trainingSeconds wall-clock training time, without evaluation
   * @param nearZeroWeightFraction fraction of conv and dense weights with |w| below 1e-3
   * @param penValidationAccuracy accuracy on the held-out writers' pen digits, or {@code null}
   * @param testAcceptedAccuracy accuracy on the test set counting every decline as a mistake, or
   *     {@code null} for a model that does not decline
   * @param testDeclineRate share of the test set declined, or {@code null}
   */
  public record Metrics(
      Double validationAccuracy,
      Double validationLoss,
      Double testAccuracy,
      Double testLoss,
      int epochsCompleted,
      double trainingSeconds,
      double nearZeroWeightFraction,
      Double penValidationAccuracy,
      Double testAcceptedAccuracy,
      Double testDeclineRate) {

    /** The figures of a model trained on MNIST alone. */
    public Metrics(
        Double validationAccuracy,
        Double validationLoss,
        Double testAccuracy,
        Double testLoss,
        int epochsCompleted,
        double trainingSeconds,
        double nearZeroWeightFraction) {
      this(
          validationAccuracy,
          validationLoss,
          testAccuracy,
          testLoss,
          epochsCompleted,
          trainingSeconds,
          nearZeroWeightFraction,
          null,
          null,
          null);
    }
  }

  /**
   * What happened in one epoch.
   *
   * @param epoch 1-based epoch number
   * @param trainLoss mean training loss (cross-entropy plus penalties) over the epoch
   * @param trainAccuracy accuracy on the (augmented) training batches
   * @param validationLoss mean cross-entropy on the validation images ({@code null} without any)
   * @param validationAccuracy accuracy on them ({@code null} without any)
   * @param penalty mean L1 + L2 penalty term over the epoch
   * @param learningRate learning rate at the end of the epoch
   * @param seconds wall-clock time of the epoch
   * @param penValidationAccuracy accuracy on the held-out writers' pen digits ({@code null} without
   *     any)
   * @param nonDigitValidationAccuracy share of the validation non-digits given their own output
   *     ({@code null} without any)
   */
  public record EpochRecord(
      int epoch,
      double trainLoss,
      double trainAccuracy,
      Double validationLoss,
      Double validationAccuracy,
      double penalty,
      double learningRate,
      double seconds,
      Double penValidationAccuracy,
      Double nonDigitValidationAccuracy) {

    /** An epoch of training on MNIST alone. */
    public EpochRecord(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        Double validationLoss,
        Double validationAccuracy,
        double penalty,
        double learningRate,
        double seconds) {
      this(
          epoch,
          trainLoss,
          trainAccuracy,
          validationLoss,
          validationAccuracy,
          penalty,
          learningRate,
          seconds,
          null,
          null);
    }
  }

  /** The names of the network's outputs: the ten digits, and any kinds of decline. */
  public List<String> outputNames() {
    return outputs == null ? OutputClasses.DIGITS_ONLY : outputs;
  }

  /** True when the network has outputs for drawings that are not one digit. */
  public boolean declines() {
    return outputNames().size() > OutputClasses.DIGITS;
  }

  /** This metadata with other quality figures. */
  public ModelMetadata withMetrics(Metrics newMetrics) {
    return toBuilder().metrics(newMetrics).build();
  }

  /** This metadata with the hash of the weights it travels with. */
  ModelMetadata withWeightsSha256(String sha256) {
    return toBuilder().weightsSha256(sha256).build();
  }

  /** This metadata with another name and description. */
  public ModelMetadata withName(String newName, String newDescription) {
    return toBuilder().name(newName).description(newDescription).build();
  }

  /** This metadata with another calibration. */
  public ModelMetadata withCalibration(Calibration newCalibration) {
    return toBuilder().calibration(newCalibration).build();
  }

  /** A builder starting from this metadata. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder of metadata in the current format, every other component unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ModelMetadata} one component at a time. */
  public static final class Builder {
    private int formatVersion = FORMAT_VERSION;
    private String name;
    private String description;
    private String architecture;
    private long parameterCount;
    private InputSpec input = InputSpec.MNIST;
    private List<String> outputs;
    private TrainingConfig training;
    private DataProvenance data;
    private Metrics metrics;
    private List<EpochRecord> history = List.of();
    private String createdAt;
    private String gitCommit = "unknown";
    private Map<String, String> software = Map.of();
    private String weightsSha256;
    private Calibration calibration;

    private Builder() {}

    private Builder(ModelMetadata from) {
      formatVersion = from.formatVersion;
      name = from.name;
      description = from.description;
      architecture = from.architecture;
      parameterCount = from.parameterCount;
      input = from.input;
      outputs = from.outputs;
      training = from.training;
      data = from.data;
      metrics = from.metrics;
      history = from.history;
      createdAt = from.createdAt;
      gitCommit = from.gitCommit;
      software = from.software;
      weightsSha256 = from.weightsSha256;
      calibration = from.calibration;
    }

    public Builder formatVersion(int value) {
      formatVersion = value;
      return this;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder architecture(String value) {
      architecture = value;
      return this;
    }

    public Builder parameterCount(long value) {
      parameterCount = value;
      return this;
    }

    public Builder input(InputSpec value) {
      input = value;
      return this;
    }

    public Builder outputs(List<String> value) {
      outputs = value;
      return this;
    }

    public Builder training(TrainingConfig value) {
      training = value;
      return this;
    }

    public Builder data(DataProvenance value) {
      data = value;
      return this;
    }

    public Builder metrics(Metrics value) {
      metrics = value;
      return this;
    }

    public Builder history(List<EpochRecord> value) {
      history = value;
      return this;
    }

    public Builder createdAt(String value) {
      createdAt = value;
      return this;
    }

    public Builder gitCommit(String value) {
      gitCommit = value;
      return this;
    }

    public Builder software(Map<String, String> value) {
      software = value;
      return this;
    }

    public Builder weightsSha256(String value) {
      weightsSha256 = value;
      return this;
    }

    public Builder calibration(Calibration value) {
      calibration = value;
      return this;
    }

    public ModelMetadata build() {
      return new ModelMetadata(
          formatVersion,
          name,
          description,
          architecture,
          parameterCount,
          input,
          outputs,
          training,
          data,
          metrics,
          history,
          createdAt,
          gitCommit,
          software,
          weightsSha256,
          calibration);
    }
  }
}
