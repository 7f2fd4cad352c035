package dev.digits.data;

import java.nio.file.Path;

/** Where MNIST is kept between runs. */
public final class MnistCache {
  /** Environment variable that overrides the default cache folder. */
  public static final String ENV_VARIABLE = "DIGITS_DATA_DIR";

  private MnistCache() {}

  /**
   * The cache folder: {@code $DIGITS_DATA_DIR} if set, else {@code $XDG_CACHE_HOME/digits/mnist},
   * else {@code ~/.cache/digits/mnist}.
   */
  public static Path defaultDirectory() {
    String override = System.getenv(ENV_VARIABLE);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("digits").resolve("mnist");
  }
}
