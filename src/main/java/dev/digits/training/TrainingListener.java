package dev.digits.training;

import dev.digits.model.Inference;
import dev.digits.model.ModelMetadata.EpochRecord;
import java.nio.file.Path;

/** Hears about a training run's progress; progress display and tests implement it. */
public interface TrainingListener {

  /**
   * Examples are being drawn before the first epoch: {@code done} of {@code total} {@code what}
   * (pen digits, non-digits) so far. May be called from several threads at once.
   */
  default void examplesDrawn(String what, int done, int total) {}

  /** The run starts, or resumes where {@code start} says. */
  default void started(Progress start) {}

  /** A batch finished; {@code progress} holds running figures for the current epoch. */
  default void batchFinished(Progress progress) {}

  /** An epoch finished and was validated. */
  default void epochFinished(EpochRecord record, int epochs, double etaSeconds) {}

  /**
   * The network as it stands after epoch {@code epoch} (1-based), for listeners that measure it on
   * data of their own, such as the time-to-accuracy benchmark. {@code network} is valid only during
   * the call, and the time spent here counts as training time.
   */
  default void networkAfterEpoch(int epoch, Inference network) {}

  /** A checkpoint was written; {@code interrupted} when the run stops because it was asked to. */
  default void checkpointWritten(Path file, boolean interrupted) {}

  /**
   * Where a run stands within an epoch.
   *
   * @param epoch 1-based epoch
   * @param epochs epochs in the run
   * @param batch batches already done in this epoch
   * @param batches batches per epoch
   * @param meanLoss mean training loss over the epoch's batches so far
   * @param accuracy training accuracy over them
   * @param imagesPerSecond training throughput over them
   */
  record Progress(
      int epoch,
      int epochs,
      int batch,
      int batches,
      double meanLoss,
      double accuracy,
      double imagesPerSecond) {}
}
