package dev.digits.cli;

import dev.digits.data.MnistCache;
import dev.digits.data.MnistDataset;
import dev.digits.data.MnistFetcher;
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
              + " ($DIGITS_DATA_DIR or ~/.cache/digits/mnist), fetched there when missing.")
  Path directory;

  /** Loads and verifies MNIST, fetching it into the cache first when it is not there yet. */
  MnistDataset load() throws IOException {
    if (directory != null) {
      return MnistDataset.load(directory);
    }
    return MnistDataset.load(
        MnistFetcher.ensureAvailable(
            MnistCache.defaultDirectory(), ConsoleFetchListener.forStandardError()));
  }
}
