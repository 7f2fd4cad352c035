package dev.digits.cli;

import dev.digits.data.MnistCache;
import dev.digits.data.MnistDataset;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the commands that need MNIST find it. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder with the four MNIST IDX files (raw or .gz). Default: the cache"
              + " ($DIGITS_DATA_DIR or ~/.cache/digits/mnist).")
  Path directory;

  /** Loads and verifies MNIST. */
  MnistDataset load() throws IOException {
    return MnistDataset.load(directory != null ? directory : MnistCache.defaultDirectory());
  }
}
