package dev.digits.model;

import java.io.IOException;

/** A model file that cannot be used; the message says which file and why. */
public final class ModelFileException extends IOException {
  public ModelFileException(String source, String problem) {
    super(source + ": " + problem);
  }

  public ModelFileException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
  }
}
