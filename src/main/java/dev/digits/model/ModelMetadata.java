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
 * @param training the full training recipe
 * @param data the data the model saw
 * @param metrics quality figures measured after training
 * @param history one record per completed epoch
 * @param createdAt ISO-8601 instant at which training finished
 * @param gitCommit commit of the code that trained the model, or "unknown"
 * @param software versions of the software that trained it
 * @param weightsSha256 SHA-256 of the weights entry, checked on load
 */
public record ModelMetadata(
    int formatVersion,
    String name,
    String description,
    String architecture,
    long parameterCount,
    InputSpec input,
    TrainingConfig training,
    DataProvenance data,
    Metrics metrics,
    List<EpochRecord> history,
    String createdAt,
    String gitCommit,
    Map<String, String> software,
    String weightsSha256) {

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
   * The data a model was trained and tested on, identified by the SHA-256 of the raw IDX files.
   *
   * @param sha256 file name → SHA-256 of its raw (un-gzipped) bytes
   * @param trainingExamples images used for gradient steps
   * @param validationExamples images held out for model selection
   * @param testExamples images of the official test set used for the final figures
   */
  public record DataProvenance(
      Map<String, String> sha256, int trainingExamples, int validationExamples, int testExamples) {}

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
   */
  public record Metrics(
      Double validationAccuracy,
      Double validationLoss,
      Double testAccuracy,
      Double testLoss,
      int epochsCompleted,
      double trainingSeconds,
      double nearZeroWeightFraction) {}

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
   */
  public record EpochRecord(
      int epoch,
      double trainLoss,
      double trainAccuracy,
      Double validationLoss,
      Double validationAccuracy,
      double penalty,
      double learningRate,
      double seconds) {}

  /** This metadata with other quality figures. */
  public ModelMetadata withMetrics(Metrics newMetrics) {
    return new ModelMetadata(
        formatVersion,
        name,
        description,
        architecture,
        parameterCount,
        input,
        training,
        data,
        newMetrics,
        history,
        createdAt,
        gitCommit,
        software,
        weightsSha256);
  }

  /** This metadata with the hash of the weights it travels with. */
  ModelMetadata withWeightsSha256(String sha256) {
    return new ModelMetadata(
        formatVersion,
        name,
        description,
        architecture,
        parameterCount,
        input,
        training,
        data,
        metrics,
        history,
        createdAt,
        gitCommit,
        software,
        sha256);
  }

  /** This metadata with another name and description. */
  public ModelMetadata withName(String newName, String newDescription) {
    return new ModelMetadata(
        formatVersion,
        newName,
        newDescription,
        architecture,
        parameterCount,
        input,
        training,
        data,
        metrics,
        history,
        createdAt,
        gitCommit,
        software,
        weightsSha256);
  }
}
