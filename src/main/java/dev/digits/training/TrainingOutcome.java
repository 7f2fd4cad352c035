package dev.digits.training;

import ai.djl.Model;
import dev.digits.model.ModelMetadata.EpochRecord;
import java.util.List;

/**
 * How a training run ended: the trained network (owned by this outcome; close it), the finished
 * epochs, the training time, and whether every epoch ran or the run stopped early on request.
 */
public record TrainingOutcome(
    Model model, List<EpochRecord> history, double trainingSeconds, boolean completed)
    implements AutoCloseable {
  @Override
  public void close() {
    model.close();
  }
}
