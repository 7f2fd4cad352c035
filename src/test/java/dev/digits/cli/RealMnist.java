package dev.digits.cli;

import dev.digits.data.CacheInspector;
import dev.digits.data.MnistCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The real MNIST, where this machine already has it; tests that need it are skipped elsewhere. */
final class RealMnist {
  private RealMnist() {}

  static Optional<Path> folder() throws IOException {
    Path cache = MnistCache.defaultDirectory();
    return CacheInspector.inspect(cache).complete() ? Optional.of(cache) : Optional.empty();
  }
}
