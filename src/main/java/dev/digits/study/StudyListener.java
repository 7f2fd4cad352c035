package dev.digits.study;

import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import dev.digits.training.TrainingListener;
import java.nio.file.Path;

/** Hears what a study does, variant by variant; the command line's progress display is one. */
public interface StudyListener {

  /**
   * A variant starts training, or resumes from its checkpoint.
   *
   * @return the listener for that variant's training progress
   */
  TrainingListener training(Variant variant, TrainingConfig config, boolean resuming);

  /** A variant's model file was already there, made by this study's recipe: it is not retrained. */
  default void reused(Variant variant, ModelMetadata model) {}

  /** A variant finished training and its model file was written. */
  default void saved(Variant variant, Path file, ModelMetadata model) {}

  /** Every variant is trained; their evaluation and the comparison of their mistakes begin. */
  default void analysing() {}
}
