package dev.digits.model;

import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file brought into memory: its metadata and a DJL model holding the weights. Closing it
 * frees the native memory.
 */
public record LoadedModel(ModelMetadata metadata, Model model) implements AutoCloseable {

  /** The network answering at temperature 1, whatever its calibration: what a calibration fits. */
  public Inference uncalibratedInference() {
    return new Inference(
        Architecture.byId(metadata.architecture()),
        model.getBlock(),
        metadata.input(),
        model.getNDManager());
  }

  /**
   * Writes these weights, unchanged, with other metadata to {@code file}.
   *
   * @return the metadata as written
   */
  public ModelMetadata saveAs(Path file, ModelMetadata newMetadata) throws IOException {
    return ModelFile.save(file, model.getBlock(), newMetadata);
  }

  @Override
  public void close() {
    model.close();
  }
}
