package dev.digits;

import dev.digits.data.FetchListener;
import dev.digits.data.MnistCache;
import dev.digits.data.MnistDataset;
import dev.digits.data.MnistFetcher;
import dev.digits.model.DjlEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Shared fixtures: MNIST loaded once per test JVM, and the engine configured once. */
public final class TestData {
  private static MnistDataset mnist;

  private TestData() {}

  /** Configures DJL for tests: offline, two intra-op threads (the same in every test). */
  public static void engine() {
    DjlEnvironment.configure(2);
  }

  /** Real MNIST, fetched into the cache by the project's own fetcher if needed, loaded once. */
  public static synchronized MnistDataset mnist() {
    if (mnist == null) {
      try {
        mnist =
            MnistDataset.load(
                MnistFetcher.ensureAvailable(MnistCache.defaultDirectory(), FetchListener.SILENT));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return mnist;
  }
}
