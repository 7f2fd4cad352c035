package dev.digits.cli;

import dev.digits.data.MnistCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --cache DIR} option of the data commands, and where the folder came from. */
final class CacheOption {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = {
        "Cache folder for the four raw MNIST files. Default:",
        "$" + MnistCache.ENV_VARIABLE + " if set,",
        "else $XDG_CACHE_HOME/digits/mnist if set,",
        "else ~/.cache/digits/mnist"
      })
  Path directory;

  /** The folder to use. */
  Path resolve() {
    return directory != null ? directory : MnistCache.defaultDirectory();
  }

  /** Why this folder: the option, the environment variable, or the default. */
  String origin() {
    if (directory != null) {
      return "from --cache";
    }
    String override = System.getenv(MnistCache.ENV_VARIABLE);
    return override != null && !override.isBlank() ? "from $" + MnistCache.ENV_VARIABLE : "default";
  }
}
