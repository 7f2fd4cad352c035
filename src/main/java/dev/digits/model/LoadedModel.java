package dev.digits.model;

import ai.djl.Model;

/**
 * A model file brought into memory: its metadata and a DJL model holding the weights. Closing it
 * frees the native memory.
 */
public record LoadedModel(ModelMetadata metadata, Model model) implements AutoCloseable {
  @Override
  public void close() {
    model.close();
  }
}
