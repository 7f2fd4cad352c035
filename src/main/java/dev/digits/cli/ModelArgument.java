package dev.digits.cli;

import dev.digits.model.BundledModels;
import dev.digits.model.LoadedModel;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelFileException;
import dev.digits.model.TorchClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A model named on the command line: a model file's path, or the name of a bundled model. */
final class ModelArgument {
  private ModelArgument() {}

  /** Opens the model file at {@code nameOrPath}, or else the bundled model of that name. */
  static TorchClassifier open(String nameOrPath) throws IOException {
    Path path = Path.of(nameOrPath);
    if (Files.isDirectory(path)) {
      throw new ModelFileException(nameOrPath, "is a folder, not a model file");
    }
    if (Files.exists(path)) {
      return TorchClassifier.open(path);
    }
    requireExists(nameOrPath);
    return BundledModels.open(nameOrPath);
  }

  /** Loads the model file at {@code nameOrPath}, or else the bundled model of that name. */
  static LoadedModel load(String nameOrPath) throws IOException {
    Path path = Path.of(nameOrPath);
    if (Files.isDirectory(path)) {
      throw new ModelFileException(nameOrPath, "is a folder, not a model file");
    }
    if (Files.exists(path)) {
      return ModelFile.load(path);
    }
    requireExists(nameOrPath);
    return BundledModels.load(nameOrPath);
  }

  /**
   * Checks that {@link #open} would find the model, without reading it.
   *
   * @throws ModelFileException naming the bundled models when there is neither such a file nor such
   *     a bundled model
   */
  static void requireExists(String nameOrPath) throws ModelFileException {
    if (Files.exists(Path.of(nameOrPath)) || BundledModels.exists(nameOrPath)) {
      return;
    }
    List<String> bundled = BundledModels.names();
    throw new ModelFileException(
        nameOrPath,
        "no such model file, and no bundled model has that name"
            + (bundled.isEmpty()
                ? " (this build bundles none)"
                : " (bundled: " + String.join(", ", bundled) + ")"));
  }
}
